/**
 * A regulation's figures from the date they apply. Rates, bands and caps change by regulation, so they
 * are data, and every computed figure names the version (date and source) that produced it.
 */
export interface EffectiveRule<T> {
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** The regulation that set it, shown when a figure is explained. */
  source: string;
  value: T;
}

/**
 * The version in force on `date` (YYYY-MM-DD): the latest one that started on or before it and, when it
 * has an end, has not ended before it; undefined when none is.
 */
export function latestInForce<T extends { effectiveFrom: string; effectiveTo?: string | null }>(versions: readonly T[], date: string): T | undefined {
  let chosen: T | undefined;
  for (const version of versions) {
    const inForce = version.effectiveFrom <= date && (version.effectiveTo == null || version.effectiveTo >= date);
    if (inForce && (!chosen || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  return chosen;
}

/** As latestInForce, but throws when none is in force, because a tax computed without its rule would be silently wrong. */
export function ruleInForce<T extends { effectiveFrom: string; effectiveTo?: string | null }>(versions: readonly T[], date: string, what: string): T {
  const chosen = latestInForce(versions, date);
  if (!chosen) throw new RangeError(`no ${what} rule is in force on ${date}`);
  return chosen;
}

/** A rule value that applies from a date on, until a later version takes over. */
export interface EffectiveRule<T> {
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** Which regulation or decision set it (shown when a figure is explained). */
  source: string;
  value: T;
}

/** A version of a rule for one scope: '' for the province, or a unit code (that unit and the units below it). */
export type ScopedRule<T> = EffectiveRule<T> & { scope: string };

/** The version in force on `date` (YYYY-MM-DD), or undefined before the first one. */
export function ruleOn<T>(versions: readonly EffectiveRule<T>[], date: string): EffectiveRule<T> | undefined {
  let chosen: EffectiveRule<T> | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= date && (!chosen || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  return chosen;
}

/**
 * The version in force on `date` for the nearest scope on a unit path (the unit itself, then its
 * ancestors, then the province ''), or undefined when none is: a school's own schedule wins over its
 * OPD's, which wins over the province's.
 */
export function nearestRuleOn<T>(versions: readonly ScopedRule<T>[], unitPath: readonly string[], date: string): ScopedRule<T> | undefined {
  for (const scope of [...unitPath, '']) {
    const rule = ruleOn(
      versions.filter((v) => v.scope === scope),
      date,
    );
    if (rule) return rule as ScopedRule<T>;
  }
  return undefined;
}

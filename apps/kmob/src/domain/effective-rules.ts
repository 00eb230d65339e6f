/** A rule value that applies from a date on, until a later version takes over. */
export interface EffectiveRule<T> {
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** Which regulation or decision set it (shown when a figure is explained). */
  source: string;
  value: T;
}

/** The version in force on `date` (YYYY-MM-DD), or undefined before the first one. */
export function ruleOn<T>(versions: readonly EffectiveRule<T>[], date: string): EffectiveRule<T> | undefined {
  let chosen: EffectiveRule<T> | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= date && (!chosen || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  return chosen;
}

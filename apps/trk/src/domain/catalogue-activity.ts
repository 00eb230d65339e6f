/**
 * An activity of a position type's catalogue: entries name one, so their minutes are checked against a
 * standard rather than taken from free text. Some catalogues (teachers') split the month into groups of
 * work with a target share each; `group` and `share` carry that, and several groups may share a percent.
 */
export interface CatalogueActivity {
  code: string;
  /** Bahasa Indonesia, as the employee picks it. */
  name: string;
  group?: string;
  /** The group's percent of the month's work. */
  share?: number;
  /** What one output is counted in (e.g. "jam pelajaran", "dokumen"). */
  outputUnit: string;
  /** Minutes one output may take (minutesRefusal). */
  standardMinutes: number;
  evidenceRequired: boolean;
}

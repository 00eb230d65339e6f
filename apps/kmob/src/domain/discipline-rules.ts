export interface Band {
  /** Status code, e.g. TL1 or PSW3. */
  code: string;
  /** First minute of the band (inclusive). */
  fromMinute: number;
  /** Last minute of the band (inclusive); null for open-ended. */
  toMinute: number | null;
  percent: number;
}

/** The deduction bands of one version of the discipline rules (all figures are data, see seed/). */
export interface DisciplineRules {
  lateBands: Band[];
  earlyLeaveBands: Band[];
  /** A missing check-in counts as the last late band; a missing check-out as the last early band. */
  absentWithoutLeavePercent: number;
  monthlyCapPercent: number;
}

/** The band that `minutes` falls in, or null for none (on time). */
export function bandFor(bands: readonly Band[], minutes: number): Band | null {
  if (minutes <= 0) return null;
  return bands.find((b) => minutes >= b.fromMinute && (b.toMinute === null || minutes <= b.toMinute)) ?? null;
}

export function lastBand(bands: readonly Band[]): Band {
  return bands.reduce((a, b) => (b.fromMinute > a.fromMinute ? b : a));
}

/** The p-th percentile of ascending `sorted` values (nearest rank), as the benchmarks report it. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

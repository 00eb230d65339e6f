/** Figures as the benchmark tables print them: whole numbers with thousands separators. */
export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * `figure ÷ calibration`, both in the figure's unit, e.g. `0.42×`. Two significant digits below 1, so
 * a small ratio (an import against raw inserts) still tells two machines apart.
 */
export function ratio(figure: number, calibration: number): string {
  if (!Number.isFinite(figure) || !Number.isFinite(calibration) || calibration <= 0) return '—';
  const r = figure / calibration;
  return `${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

/** Prints a markdown table after a blank line, as every benchmark ends. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

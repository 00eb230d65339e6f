import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../format';
import { t } from '../i18n';

// Only the parts a stacked bar chart needs, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface RecapRow {
  unitCode: string;
  name: string | null;
  present: number;
  late: number;
  fieldDuty: number;
  onLeave: number;
  notYetIn: number;
  off: number;
}

/** Series and colours; each also has its words in the legend and the table beside the chart. */
const SERIES: { key: keyof RecapRow; label: string; colour: string }[] = [
  { key: 'present', label: t.recap.present, colour: '#1e6b34' },
  { key: 'late', label: t.recap.late, colour: '#c77700' },
  { key: 'fieldDuty', label: t.recap.fieldDuty, colour: '#0b5394' },
  { key: 'onLeave', label: t.recap.onLeave, colour: '#7b5ea7' },
  { key: 'notYetIn', label: t.recap.notYetIn, colour: '#a1261b' },
  { key: 'off', label: t.recap.off, colour: '#9aa5b1' },
];

/** Attendance per OPD as stacked bars, drawn afresh for each refresh of the data (a few dozen bars). */
export default function RecapChart({ rows }: { rows: RecapRow[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current!;
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.name ?? row.unitCode),
        datasets: SERIES.map((s) => ({ label: s.label, data: rows.map((row) => Number(row[s.key])), backgroundColor: s.colour })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true, ticks: { callback: (v) => formatNumber(Number(v)) } }, y: { stacked: true } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(Number(c.raw))}` } } },
      },
    });
    // With animation off the first frame is drawn by now: the bench and the tests wait for this mark.
    element.dataset.drawn = 'true';
    return () => {
      chart.destroy();
      delete element.dataset.drawn;
    };
  }, [rows]);

  return (
    <div style={{ position: 'relative', height: `${Math.max(12, rows.length * 2.2 + 6)}rem` }}>
      <canvas ref={canvas} role="img" aria-label={`${t.recap.chart}: ${t.recap.tableFollows}`} data-testid="recap-chart" />
    </div>
  );
}

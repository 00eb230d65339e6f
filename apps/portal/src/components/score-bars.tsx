import { formatDecimal } from '../format';
import { t } from '../i18n';

export interface ScorePart {
  code: string;
  label: string;
  points: string;
}

const COLOUR: Record<string, string> = { ACTIVITY: '#0b5394', TARGET: '#1e6b34', SUBORDINATES: '#7b5ea7' };

/**
 * The score as one bar out of 100, a segment per component (its points), so the parts are seen to
 * add up; each segment's words and points are in the legend and the table beside it, not in colour alone.
 * Plain elements rather than a chart library: three segments do not justify one on a phone.
 */
export function ScoreBars({ parts, score }: { parts: ScorePart[]; score: string }) {
  const summary = parts.map((p) => `${p.label} ${formatDecimal(p.points)}`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`${t.score.chart}: ${summary}; ${t.score.total} ${formatDecimal(score)}`}
        data-testid="score-bars"
        style={{ display: 'flex', height: '2rem', border: '1px solid var(--line)', borderRadius: 4, overflow: 'hidden', background: 'var(--wash)' }}
      >
        {parts.map((p) => (
          <div key={p.code} style={{ width: `${Math.max(0, Math.min(100, Number(p.points)))}%`, background: COLOUR[p.code] ?? '#4d5660' }} />
        ))}
      </div>
      <figcaption>
        <ul className="legend" style={{ marginTop: '0.5rem' }}>
          {parts.map((p) => (
            <li key={p.code}>
              <span
                aria-hidden="true"
                style={{ display: 'inline-block', width: '0.9rem', height: '0.9rem', background: COLOUR[p.code] ?? '#4d5660', marginRight: 4 }}
              />
              {`${p.label}: ${formatDecimal(p.points)}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

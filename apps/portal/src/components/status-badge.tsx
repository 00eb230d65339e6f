import { t } from '../i18n';

const TONE: Record<string, string> = { H: 'good', DL: 'good', L: 'neutral', C: 'neutral', S: 'neutral', I: 'neutral', TK: 'bad' };

/** The colour class of a status; the words always go with it. */
export const statusTone = (code: string) => TONE[code] ?? (code.startsWith('TL') || code.startsWith('PSW') ? 'warn' : 'neutral');

/** An attendance code with its words: never colour alone (portal.md). */
export function StatusBadge({ code, short = false }: { code: string | null | undefined; short?: boolean }) {
  if (!code) return <span className="badge neutral">–</span>;
  const tone = statusTone(code);
  const words = t.status[code] ?? code;
  return (
    <span className={`badge ${tone}`} title={words}>
      {code}
      {short ? <span className="visually-hidden"> {words}</span> : ` · ${words}`}
    </span>
  );
}

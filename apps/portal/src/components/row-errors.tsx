import { formatNumber } from '../format';
import { t } from '../i18n';

export interface RowError {
  line: number;
  key: string;
  problems: { field: string; message: string }[];
}

/** The rows a job refused, as a table and as a real spreadsheet to fix and re-import; `keyLabel` names what identifies a row (a NIP by default). */
export function RowErrors({ errors, total, fileName, keyLabel = 'NIP' }: { errors: RowError[]; total: number; fileName: string; keyLabel?: string }) {
  if (total === 0) return null;
  const download = async () => {
    // Loaded on demand: the spreadsheet writer is only needed by whoever downloads.
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const header = [t.imports.line, keyLabel, t.imports.field, t.imports.problem].map((value) => ({ value, fontWeight: 'bold' as const }));
    const rows = errors.flatMap((e) => e.problems.map((p) => [{ value: e.line }, { value: e.key }, { value: p.field }, { value: p.message }]));
    await writeXlsxFile([header, ...rows], { columns: [{ width: 8 }, { width: 22 }, { width: 18 }, { width: 60 }] }).toFile(fileName);
  };
  return (
    <section aria-labelledby="row-errors-heading">
      <h3 id="row-errors-heading">
        {t.imports.errors} ({formatNumber(total)})
      </h3>
      {total > errors.length && <p className="muted">{t.imports.errorsKept.replace('{count}', formatNumber(errors.length))}</p>}
      <button type="button" onClick={() => void download()}>
        {t.imports.downloadErrors}
      </button>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table} style={{ maxHeight: '20rem', overflowY: 'auto', marginTop: '0.5rem' }}>
        <table>
          <thead>
            <tr>
              <th className="number">{t.imports.line}</th>
              <th>{keyLabel}</th>
              <th>{t.imports.problem}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, 200).map((e) => (
              <tr key={`${e.line}-${e.key}`}>
                <td className="number">{e.line}</td>
                <td>{e.key}</td>
                <td>{e.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

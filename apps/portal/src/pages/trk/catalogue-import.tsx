import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { RowErrors, type RowError } from '../../components/row-errors';
import { formatNumber } from '../../format';
import { fill, t } from '../../i18n';

const csvBody = { bodySerializer: (body: unknown) => body as string, headers: { 'content-type': 'text/csv' } };

/** A catalogue CSV, stored all or none: a refused file comes back with every wrong row to fix. */
export function CatalogueImport() {
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = error instanceof ApiProblem && Array.isArray(error.info.rows) ? (error.info.rows as RowError[]) : [];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    setError(null);
    setResult(null);
    if (!(file instanceof File) || file.size === 0)
      return setError(new ApiProblem(400, t.imports.chooseFile, [{ field: 'file', message: t.imports.chooseFile }]));
    setBusy(true);
    try {
      const done = await unwrap(api.POST('/api/v1/trk/catalogue/import', { body: (await file.text()) as never, ...csvBody }));
      setResult(
        fill(t.catalogue.imported, {
          rows: formatNumber(done.rows),
          created: formatNumber(done.created),
          updated: formatNumber(done.updated),
          unchanged: formatNumber(done.unchanged),
        }),
      );
      await queries.invalidateQueries({ queryKey: ['trk', 'catalogue'] });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="catalogue-import-heading">
      <h2 id="catalogue-import-heading" style={{ marginTop: 0 }}>
        {t.catalogue.import}
      </h2>
      <p className="muted">{t.catalogue.importHint}</p>
      {result && <Notice tone="success">{result}</Notice>}
      {rows.length > 0 ? <Notice tone="error">{(error as ApiProblem).message}</Notice> : <ProblemNotice error={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t.imports.file} error={error instanceof ApiProblem ? error.field('file') : undefined}>
          <input name="file" type="file" accept=".csv,text/csv" />
        </Field>
        <button className="primary" disabled={busy}>
          {t.imports.start}
        </button>
      </form>
      <RowErrors errors={rows} total={rows.length} fileName="kesalahan-impor-katalog.xlsx" keyLabel={t.catalogue.code} />
    </section>
  );
}

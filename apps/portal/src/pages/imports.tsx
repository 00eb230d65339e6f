import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import { Field } from '../components/field';
import { JobProgress } from '../components/job-progress';
import { ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import type { JobService } from '../components/use-job';
import { t } from '../i18n';

interface ImportKind {
  service: JobService;
  title: string;
  start: (csv: string) => Promise<{ id: string }>;
}

const csvBody = { bodySerializer: (body: unknown) => body as string, headers: { 'content-type': 'text/csv' } };

const KINDS: ImportKind[] = [
  { service: 'siap', title: t.imports.siasn, start: (csv) => unwrap(api.POST('/api/v1/siap/imports/employees', { body: csv as never, ...csvBody })) },
  { service: 'kmob', title: t.imports.machine, start: (csv) => unwrap(api.POST('/api/v1/kmob/check-ins/import', { body: csv as never, ...csvBody })) },
];

/** Impor: a CSV in, a job out; the job's id stays in the address so the page can be left and reopened. */
export default function ImportsPage() {
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  return (
    <Page title={t.imports.title}>
      {KINDS.map((kind) => (
        <ImportForm
          key={kind.service}
          kind={kind}
          jobId={search.get(kind.service)}
          onStarted={(id) => navigate(`/impor?${withParam(search, kind.service, id)}`)}
        />
      ))}
    </Page>
  );
}

function withParam(search: URLSearchParams, name: string, value: string): string {
  const next = new URLSearchParams(search);
  next.set(name, value);
  return next.toString();
}

function ImportForm({ kind, jobId, onStarted }: { kind: ImportKind; jobId: string | null; onStarted: (id: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    setError(null);
    if (!(file instanceof File) || file.size === 0) {
      setError(new ApiProblem(400, t.imports.chooseFile, [{ field: 'file', message: t.imports.chooseFile }]));
      return;
    }
    setBusy(true);
    try {
      onStarted((await kind.start(await file.text())).id);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-label={kind.title}>
      <h2>{kind.title}</h2>
      <ProblemNotice error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t.imports.file} error={error instanceof ApiProblem ? error.field('file') : undefined}>
          <input name="file" type="file" accept=".csv,text/csv" />
        </Field>
        <button className="primary" disabled={busy}>
          {t.imports.start}
        </button>
      </form>
      {jobId && <JobProgress service={kind.service} id={jobId} label={t.imports.progress} errorsFile={`kesalahan-impor-${kind.service}.xlsx`} />}
    </section>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import type { operations } from '../api/schema';
import { Field } from '../components/field';
import { Loading, ProblemNotice } from '../components/notice';
import { useUnitNames } from '../components/organisation';
import { Page } from '../components/page';
import { formatDateTime, formatNumber } from '../format';
import { fill, t } from '../i18n';

const PAGE_SIZE = 50;
/** Fetched beyond a page: the entries of the previous page's last millisecond come again and are dropped. */
const OVERLAP = 10;

/** nip (actor or target), from and to (a day or an ISO instant), limit: the only filters GET /audit has. */
type AuditQuery = NonNullable<operations['gateway_Audit_query']['parameters']['query']>;

const fetchAudit = (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } }));
type AuditEntry = Awaited<ReturnType<typeof fetchAudit>>['items'][number];

/**
 * Where a page starts: just after the last entry of the page before it. The API answers newest first and
 * has no offset, so the next page asks for entries up to that instant and drops those already shown.
 */
interface Cursor {
  at: number;
  id: bigint;
}

const readCursor = (text: string): Cursor | null => {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  return match ? { at: Number(match[1]), id: BigInt(match[2]) } : null;
};
const cursorOf = (entry: AuditEntry) => `${Date.parse(entry.at)}.${entry.id}`;

/** Filters and page as the URL keeps them (?nip=&from=&to=&pages=), so the back button and a reload keep them. */
interface Search {
  nip: string;
  from: string;
  to: string;
  /** The cursors of the pages gone through, oldest last; empty on the first page. */
  pages: string[];
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function readSearch(params: URLSearchParams): Search {
  return {
    nip: params.get('nip') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    pages: (params.get('pages') ?? '').split(',').filter((cursor) => readCursor(cursor) !== null),
  };
}

function toParams(search: Search): Record<string, string> {
  const params: Record<string, string> = {};
  if (search.nip) params.nip = search.nip;
  if (search.from) params.from = search.from;
  if (search.to) params.to = search.to;
  if (search.pages.length) params.pages = search.pages.join(',');
  return params;
}

/** The days the admin typed are WITA days, from their first to their last millisecond. */
function toQuery(search: Search, cursor: Cursor | null): AuditQuery {
  const to = cursor ? new Date(cursor.at + 1).toISOString() : isDay(search.to) ? `${search.to}T23:59:59.999+08:00` : search.to || undefined;
  return {
    nip: search.nip || undefined,
    from: isDay(search.from) ? `${search.from}T00:00:00+08:00` : search.from || undefined,
    to,
    limit: PAGE_SIZE + OVERLAP,
  };
}

/** Entries after the cursor in the API's order (newest first, then highest id first). */
const after = (cursor: Cursor | null) => (entry: AuditEntry) => {
  if (!cursor) return true;
  const at = Date.parse(entry.at);
  return at < cursor.at || (at === cursor.at && BigInt(entry.id) < cursor.id);
};

function outcome(status: number): { tone: string; words: string } {
  if (status < 400) return { tone: 'good', words: t.audit.outcomes.ok };
  if (status < 500) return { tone: 'warn', words: t.audit.outcomes.refused };
  return { tone: 'bad', words: t.audit.outcomes.failed };
}

/** Log audit (admin BKD): every request that changed data, who made it, on whom, and how it ended. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const cursor = search.pages.length ? readCursor(search.pages[search.pages.length - 1]) : null;
  const unitName = useUnitNames();
  const log = useQuery({
    queryKey: ['gateway', 'audit', search.nip, search.from, search.to, search.pages.at(-1) ?? ''],
    queryFn: async () => {
      const answer = await fetchAudit(toQuery(search, cursor));
      const fresh = answer.items.filter(after(cursor));
      return { rows: fresh.slice(0, PAGE_SIZE), more: fresh.length > PAGE_SIZE || answer.items.length === PAGE_SIZE + OVERLAP };
    },
    placeholderData: keepPreviousData,
  });

  const go = (next: Search) => setParams(toParams(next));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    go({ nip: String(form.get('nip') ?? '').replace(/\s/g, ''), from: String(form.get('from') ?? ''), to: String(form.get('to') ?? ''), pages: [] });
  };
  const filterBy = (nip: string) => `/audit?${new URLSearchParams({ ...toParams({ ...search, pages: [] }), nip }).toString()}`;
  const fieldError = (name: string) => (log.error instanceof ApiProblem ? log.error.field(name) : undefined);
  const filtered = !!(search.nip || search.from || search.to);
  const page = search.pages.length + 1;
  const rows = log.data?.rows ?? [];

  const nipLink = (nip: string) => (
    <Link href={filterBy(nip)} aria-label={fill(t.audit.filterBy, { nip })}>
      {nip}
    </Link>
  );

  return (
    <Page title={t.audit.title}>
      <p className="muted">{t.audit.about}</p>
      {/* Keyed by the URL: the back button puts the fields back as they were. */}
      <form key={params.toString()} className="card" role="search" onSubmit={submit} noValidate>
        <Field label={t.audit.nip} hint={t.audit.nipHint} error={fieldError('nip')}>
          <input name="nip" defaultValue={search.nip} inputMode="numeric" autoComplete="off" maxLength={30} />
        </Field>
        <div className="row">
          <Field label={t.audit.from} hint={t.audit.dateHint} error={fieldError('from')}>
            <input name="from" type="date" defaultValue={search.from} />
          </Field>
          <Field label={t.audit.to} hint={t.audit.dateHint} error={fieldError('to')}>
            <input name="to" type="date" defaultValue={search.to} />
          </Field>
        </div>
        <div className="actions">
          <button className="primary">{t.common.filter}</button>
          {filtered && (
            <Link className="button" href="/audit">
              {t.audit.clear}
            </Link>
          )}
        </div>
      </form>

      {!log.data ? (
        <Loading error={log.error} />
      ) : (
        <section aria-label={t.audit.title}>
          {log.error ? <ProblemNotice error={log.error} /> : null}
          <p role="status">
            {fill(t.audit.page, { page: formatNumber(page) })}
            {rows.length === 0 && ` · ${t.audit.none}`}
          </p>
          {rows.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table} aria-busy={log.isFetching}>
              <table>
                <thead>
                  <tr>
                    <th>{t.audit.at}</th>
                    <th>{t.audit.actor}</th>
                    <th>{t.audit.method}</th>
                    <th>{t.audit.path}</th>
                    <th>{t.audit.outcome}</th>
                    <th>{t.audit.target}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((entry) => {
                    const result = outcome(entry.status);
                    return (
                      <tr key={entry.id}>
                        <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</td>
                        <td>
                          {entry.actorNip ? nipLink(entry.actorNip) : t.audit.unknownActor}
                          {entry.actorRoles.length > 0 && (
                            <>
                              <br />
                              <span className="muted">{entry.actorRoles.map((role) => t.accounts.roleNames[role] ?? role).join(', ')}</span>
                            </>
                          )}
                        </td>
                        <td>
                          {t.audit.methods[entry.method] ?? entry.method}
                          <br />
                          <span className="muted">{entry.method}</span>
                        </td>
                        <td>
                          <code>
                            {entry.path.split('/').map((part, i) => (
                              // A long path breaks after a slash, never inside a NIP or a word.
                              <Fragment key={i}>
                                {i > 0 && (
                                  <>
                                    /<wbr />
                                  </>
                                )}
                                {part}
                              </Fragment>
                            ))}
                          </code>
                        </td>
                        <td>
                          <span className={`badge ${result.tone}`}>
                            {result.words} · {entry.status}
                          </span>
                        </td>
                        <td>
                          {entry.targetNip ? nipLink(entry.targetNip) : entry.targetUnit ? fill(t.audit.unit, { unit: unitName(entry.targetUnit) }) : '–'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {(page > 1 || log.data.more) && (
            <nav className="actions" aria-label={t.audit.title}>
              {page > 2 && (
                <button type="button" disabled={log.isFetching} onClick={() => go({ ...search, pages: [] })}>
                  {t.audit.newest}
                </button>
              )}
              <button type="button" disabled={page === 1 || log.isFetching} onClick={() => go({ ...search, pages: search.pages.slice(0, -1) })}>
                {t.audit.newer}
              </button>
              <button
                type="button"
                disabled={!log.data.more || rows.length === 0 || log.isFetching}
                onClick={() => go({ ...search, pages: [...search.pages, cursorOf(rows[rows.length - 1])] })}
              >
                {t.audit.older}
              </button>
            </nav>
          )}
        </section>
      )}
    </Page>
  );
}

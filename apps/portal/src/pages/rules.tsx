import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import type { operations } from '../api/schema';
import { Field } from '../components/field';
import { Loading, Notice, ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { ValueEditor, type Value } from '../components/value-editor';
import { formatDate, formatShortDate, todayWita } from '../format';
import { t } from '../i18n';

type RuleKind = NonNullable<NonNullable<operations['kmob_Rules_list']['parameters']['query']>['kind']>;
const KINDS = Object.keys(t.rules.kinds) as RuleKind[];

/** Aturan & hari libur: every figure of a regulation as a dated version, and the year's holidays. */
export default function RulesPage() {
  return (
    <Page title={t.rules.title}>
      <RuleVersions />
      <Holidays />
    </Page>
  );
}

function RuleVersions() {
  const queries = useQueryClient();
  const [kind, setKind] = useState<RuleKind>(KINDS[0]);
  const [editing, setEditing] = useState<{ effectiveFrom: string; scope: string; source: string; value: Value } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const versions = useQuery({
    queryKey: ['kmob', 'rules', kind],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/rules', { params: { query: { kind } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['kmob', 'rules', kind] });

  const save = async () => {
    if (!editing) return;
    setError(null);
    setSaved(false);
    try {
      await unwrap(
        api.PUT('/api/v1/kmob/rules/{kind}/{effectiveFrom}', {
          params: { path: { kind, effectiveFrom: editing.effectiveFrom } },
          body: { source: editing.source, value: editing.value as Record<string, never>, ...(editing.scope ? { unitCode: editing.scope } : {}) },
        }),
      );
      setSaved(true);
      setEditing(null);
      await refresh();
    } catch (problem) {
      setError(problem);
    }
  };
  const remove = async (effectiveFrom: string, scope: string) => {
    if (!window.confirm(t.rules.removeConfirm)) return;
    setError(null);
    try {
      await unwrap(
        api.DELETE('/api/v1/kmob/rules/{kind}/{effectiveFrom}', { params: { path: { kind, effectiveFrom }, query: scope ? { unitCode: scope } : {} } }),
      );
      await refresh();
    } catch (problem) {
      setError(problem);
    }
  };
  const fieldError = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);

  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t.rules.versions}</h2>
      <Field label={t.rules.kind}>
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as RuleKind);
            setEditing(null);
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.rules.kinds[k]}
            </option>
          ))}
        </select>
      </Field>
      {saved && <Notice tone="success">{t.employees.saved}</Notice>}
      <ProblemNotice error={error} />
      {!versions.data ? (
        <Loading error={versions.error} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
          <table>
            <thead>
              <tr>
                <th>{t.rules.effectiveFrom}</th>
                <th>{t.rules.scope}</th>
                <th>{t.rules.source}</th>
                <th>{t.rules.updatedBy}</th>
                <th>
                  <span className="visually-hidden">{t.rules.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={`${v.scope}-${v.effectiveFrom}`}>
                  <td>{formatShortDate(v.effectiveFrom)}</td>
                  <td>{v.scope || t.rules.allUnits}</td>
                  <td>{v.source}</td>
                  <td>{v.updatedBy}</td>
                  <td>
                    <div className="actions" style={{ marginTop: 0 }}>
                      <button
                        type="button"
                        onClick={() => setEditing({ effectiveFrom: todayWita(), scope: v.scope, source: v.source, value: v.value as Value })}
                      >
                        {t.rules.edit}
                      </button>
                      <button type="button" className="danger" onClick={() => void remove(v.effectiveFrom, v.scope)}>
                        {t.rules.remove}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <div className="card" style={{ marginTop: '1rem' }}>
          <Field label={t.rules.newVersion} error={fieldError('effectiveFrom')}>
            <input type="date" value={editing.effectiveFrom} onChange={(e) => setEditing({ ...editing, effectiveFrom: e.target.value })} />
          </Field>
          <Field label={t.rules.source} error={fieldError('source')}>
            <textarea rows={2} value={editing.source} onChange={(e) => setEditing({ ...editing, source: e.target.value })} />
          </Field>
          <ValueEditor value={editing.value} onChange={(value) => setEditing({ ...editing, value })} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t.rules.saveVersion}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t.common.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function Holidays() {
  const queries = useQueryClient();
  const [year, setYear] = useState(todayWita().slice(0, 4));
  const [error, setError] = useState<unknown>(null);
  const holidays = useQuery({
    queryKey: ['kmob', 'holidays', year],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/holidays', { params: { query: { year } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['kmob', 'holidays', year] });
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    try {
      await unwrap(
        api.PUT('/api/v1/kmob/holidays/{date}', {
          params: { path: { date: String(form.get('date')) } },
          body: { name: String(form.get('name')), kind: String(form.get('kind')) as 'LIBUR_NASIONAL' },
        }),
      );
      formElement.reset();
      await refresh();
    } catch (problem) {
      setError(problem);
    }
  };
  const remove = async (date: string) => {
    if (!window.confirm(`${t.rules.remove}: ${formatDate(date)}?`)) return;
    try {
      await unwrap(api.DELETE('/api/v1/kmob/holidays/{date}', { params: { path: { date } } }));
      await refresh();
    } catch (problem) {
      setError(problem);
    }
  };
  const fieldError = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);
  return (
    <section aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">{t.rules.holidays}</h2>
      <Field label={t.rules.year}>
        <input inputMode="numeric" value={year} maxLength={4} onChange={(e) => /^\d{4}$/.test(e.target.value) && setYear(e.target.value)} />
      </Field>
      <ProblemNotice error={error} />
      {!holidays.data ? (
        <Loading error={holidays.error} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
          <table>
            <thead>
              <tr>
                <th>{t.common.date}</th>
                <th>{t.rules.holidayName}</th>
                <th>{t.rules.holidayKind}</th>
                <th>
                  <span className="visually-hidden">{t.locations.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.data.map((h) => (
                <tr key={h.date}>
                  <td>{formatDate(h.date)}</td>
                  <td>{h.name}</td>
                  <td>{t.rules.holidayKinds[h.kind] ?? h.kind}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(h.date)}>
                      {t.locations.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" style={{ marginTop: '1rem' }} onSubmit={(e) => void add(e)} noValidate>
        <h3>{t.rules.addHoliday}</h3>
        <div className="row">
          <Field label={t.common.date} error={fieldError('date')}>
            <input name="date" type="date" required />
          </Field>
          <Field label={t.rules.holidayName} error={fieldError('name')}>
            <input name="name" required maxLength={200} />
          </Field>
          <Field label={t.rules.holidayKind} error={fieldError('kind')}>
            <select name="kind" defaultValue="LIBUR_NASIONAL">
              {Object.entries(t.rules.holidayKinds).map(([k, words]) => (
                <option key={k} value={k}>
                  {words}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button className="primary">{t.rules.addHoliday}</button>
      </form>
    </section>
  );
}

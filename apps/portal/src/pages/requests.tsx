import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { keys, useLeaveBalance, useMyRequests } from '../api/queries';
import type { components } from '../api/schema';
import { Field } from '../components/field';
import { fileToDataUrl } from '../components/file-to-data-url';
import { Loading, Notice, ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { formatNumber, formatShortDate, todayWita } from '../format';
import { t } from '../i18n';
import { useSession } from '../session/session';

type RequestType = components['schemas']['CreateRequestDto']['type'];
const TYPES = Object.keys(t.requests.types);
const MAX_ATTACHMENT = 2 * 1024 * 1024;

/** Pengajuan: the leave balance, a new request (cuti, izin, sakit, DL, WFH) and the user's own requests. */
export default function RequestsPage() {
  const user = useSession()!.user;
  const queries = useQueryClient();
  const balance = useLeaveBalance(user.nip, todayWita().slice(0, 4));
  const mine = useMyRequests();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['kmob', 'balance'] }), queries.invalidateQueries({ queryKey: keys.requests })]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get('attachment');
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      if (file instanceof File && file.size > MAX_ATTACHMENT)
        throw new ApiProblem(400, 'Lampiran lebih dari 2 MB', [{ field: 'attachment', message: 'maksimal 2 MB' }]);
      const attachment = file instanceof File && file.size > 0 ? await fileToDataUrl(file) : undefined;
      await unwrap(
        api.POST('/api/v1/kmob/requests', {
          body: {
            type: String(form.get('type')) as RequestType,
            startDate: String(form.get('startDate')),
            endDate: String(form.get('endDate')),
            reason: String(form.get('reason')),
            ...(attachment ? { attachment } : {}),
          },
        }),
      );
      formElement.reset();
      setDone(true);
      await refresh();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/kmob/requests/{id}/cancel', { params: { path: { id } } }));
      await refresh();
    } catch (problem) {
      setError(problem);
    }
  };
  const fieldError = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);

  return (
    <Page title={t.requests.title}>
      <section className="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">{t.requests.balance}</h2>
        {!balance.data ? (
          <Loading error={balance.error} />
        ) : (
          <dl className="facts" data-testid="leave-balance">
            <dt>{t.requests.remaining}</dt>
            <dd data-testid="leave-requestable">
              {formatNumber(balance.data.requestable)} {t.requests.days}
            </dd>
            <dt>{t.requests.pendingDays}</dt>
            <dd>
              {formatNumber(balance.data.pending)} {t.requests.days}
            </dd>
            <dt>{t.requests.taken}</dt>
            <dd>
              {formatNumber(balance.data.taken)} {t.requests.days}
            </dd>
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="new-heading">
        <h2 id="new-heading">{t.requests.new}</h2>
        {done && <Notice tone="success">{t.requests.submitted}</Notice>}
        <ProblemNotice error={error} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field label={t.requests.type} error={fieldError('type')}>
            <select name="type" defaultValue="CUTI_TAHUNAN">
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t.requests.types[type]}
                </option>
              ))}
            </select>
          </Field>
          <div className="row">
            <Field label={t.requests.start} error={fieldError('startDate')}>
              <input name="startDate" type="date" required />
            </Field>
            <Field label={t.requests.end} error={fieldError('endDate')}>
              <input name="endDate" type="date" required />
            </Field>
          </div>
          <Field label={t.requests.reason} error={fieldError('reason')}>
            <textarea name="reason" required maxLength={1000} rows={3} />
          </Field>
          <Field label={t.requests.attachment} error={fieldError('attachment')}>
            <input name="attachment" type="file" accept="application/pdf,image/jpeg,image/png" />
          </Field>
          <button className="primary" disabled={busy}>
            {t.requests.submit}
          </button>
        </form>
      </section>

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t.requests.mine}</h2>
        {!mine.data ? (
          <Loading error={mine.error} />
        ) : mine.data.length === 0 ? (
          <p>{t.common.empty}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <thead>
                <tr>
                  <th>{t.requests.type}</th>
                  <th>{t.common.date}</th>
                  <th className="number">{t.requests.workingDays}</th>
                  <th>{t.common.status}</th>
                  <th>
                    <span className="visually-hidden">{t.requests.cancel}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.data.map((r) => (
                  <tr key={r.id}>
                    <td>{t.requests.types[r.type] ?? r.type}</td>
                    <td>
                      {formatShortDate(r.startDate)}
                      {r.endDate !== r.startDate && ` – ${formatShortDate(r.endDate)}`}
                    </td>
                    <td className="number">{r.workingDays}</td>
                    <td>{t.requests.statuses[r.status] ?? r.status}</td>
                    <td>
                      {r.status === 'PENDING' && (
                        <button type="button" className="danger" onClick={() => void cancel(r.id)}>
                          {t.requests.cancel}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}

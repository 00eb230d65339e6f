import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { keys, usePendingApprovals } from '../api/queries';
import { Field } from '../components/field';
import { Loading, Notice } from '../components/notice';
import { Page } from '../components/page';
import { formatShortDate } from '../format';
import { fill, t } from '../i18n';

interface Failure {
  id: string;
  name: string;
  message: string;
}

/** Persetujuan: the atasan's inbox, cleared in bulk; each decision stands or fails on its own. */
export default function ApprovalsPage() {
  const queries = useQueryClient();
  const inbox = usePendingApprovals(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ decided: number; failures: Failure[] } | null>(null);
  const [noteError, setNoteError] = useState<string | undefined>();
  const items = inbox.data ?? [];

  const toggle = (id: string) => setSelected((current) => new Set(current.has(id) ? [...current].filter((x) => x !== id) : [...current, id]));
  const allSelected = items.length > 0 && items.every((r) => selected.has(r.id));

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && note.trim() === '') {
      setNoteError('wajib diisi untuk menolak');
      return;
    }
    setNoteError(undefined);
    setBusy(true);
    const failures: Failure[] = [];
    let decided = 0;
    for (const request of items.filter((r) => selected.has(r.id))) {
      try {
        const path = { path: { id: request.id } };
        await unwrap(
          decision === 'approve'
            ? api.POST('/api/v1/kmob/requests/{id}/approve', { params: path })
            : api.POST('/api/v1/kmob/requests/{id}/reject', { params: path, body: { note: note.trim() } }),
        );
        decided += 1;
      } catch (problem) {
        failures.push({ id: request.id, name: request.name ?? request.nip, message: problem instanceof ApiProblem ? problem.message : t.common.error });
      }
    }
    setResult({ decided, failures });
    setSelected(new Set());
    setNote('');
    setBusy(false);
    await queries.invalidateQueries({ queryKey: keys.requests });
  };

  return (
    <Page title={t.approvals.title}>
      {result && (
        <Notice tone={result.failures.length ? 'warning' : 'success'} title={fill(t.approvals.done, { count: result.decided })}>
          {result.failures.length > 0 && (
            <ul>
              {result.failures.map((f) => (
                <li key={f.id}>
                  {f.name}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {!inbox.data ? (
        <Loading error={inbox.error} />
      ) : items.length === 0 ? (
        <p>{t.approvals.none}</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t.approvals.selectAll}
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((r) => r.id)))}
                    />
                  </th>
                  <th>{t.common.name}</th>
                  <th>{t.requests.type}</th>
                  <th>{t.common.date}</th>
                  <th className="number">{t.requests.workingDays}</th>
                  <th>{t.common.reason}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.name ?? r.nip}: ${t.requests.types[r.type] ?? r.type}`}
                        checked={selected.has(r.id)}
                        onChange={() => toggle(r.id)}
                      />
                    </td>
                    <td>
                      {r.name}
                      <br />
                      <span className="muted">{r.nip}</span>
                    </td>
                    <td>{t.requests.types[r.type] ?? r.type}</td>
                    <td>
                      {formatShortDate(r.startDate)}
                      {r.endDate !== r.startDate && ` – ${formatShortDate(r.endDate)}`}
                    </td>
                    <td className="number">{r.workingDays}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card" style={{ marginTop: '1rem' }}>
            <Field label={t.approvals.rejectNote} hint="Wajib diisi bila menolak." error={noteError}>
              <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            </Field>
            <div className="actions">
              <button className="primary" disabled={busy || selected.size === 0} onClick={() => void decide('approve')}>
                {t.approvals.approveSelected} ({selected.size})
              </button>
              <button className="danger" disabled={busy || selected.size === 0} onClick={() => void decide('reject')}>
                {t.approvals.rejectSelected} ({selected.size})
              </button>
            </div>
          </div>
        </>
      )}
    </Page>
  );
}

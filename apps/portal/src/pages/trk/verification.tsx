import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { trkKeys, usePendingActivities, type PendingActivity } from '../../api/trk-queries';
import { EvidenceLink } from '../../components/evidence-link';
import { Loading, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { ProgressBar } from '../../components/progress-bar';
import { formatDate, formatNumber, formatShortDate } from '../../format';
import { fill, t } from '../../i18n';
import { groupByEmployee } from './pending-groups';
import { VerificationDecision } from './verification-decision';
import { verifyInChunks, type Decision, type VerifyOutcome } from './verify-in-chunks';

/** Verifikasi kinerja: the atasan's inbox of activities by employee and day, overdue first, decided in bulk. */
export default function VerificationPage() {
  const queries = useQueryClient();
  const inbox = usePendingActivities();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const items = useMemo(() => inbox.data ?? [], [inbox.data]);
  const groups = useMemo(() => groupByEmployee(items), [items]);
  // Only what is still in the inbox counts as chosen: an entry decided elsewhere drops out on the next read.
  const chosen = items.filter((entry) => selected.has(entry.id)).map((entry) => entry.id);
  const overdue = items.filter((entry) => entry.overdue).length;
  const allChosen = items.length > 0 && chosen.length === items.length;

  const choose = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const decide = async (decision: Decision) => {
    const ids = chosen;
    setRunning(true);
    setOutcome(null);
    setProgress({ processed: 0, total: ids.length });
    const result = await verifyInChunks(ids, decision, (processed) => setProgress({ processed, total: ids.length }));
    setOutcome(result);
    setSelected(new Set());
    await queries.invalidateQueries({ queryKey: trkKeys.activities });
    setRunning(false);
  };

  return (
    <Page title={t.verification.title}>
      {progress && <ProgressBar label={t.verification.progress} processed={progress.processed} total={progress.total} words={t.verification.progressText} />}
      {outcome && (
        <Notice tone={outcome.refused.length ? 'warning' : 'success'} title={fill(t.verification.done, { count: formatNumber(outcome.decided) })}>
          {outcome.refused.length > 0 && (
            <>
              <p>{fill(t.verification.someFailed, { count: formatNumber(outcome.refused.reduce((n, r) => n + r.count, 0)) })}</p>
              <ul>
                {outcome.refused.map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
      {!inbox.data ? (
        <Loading error={inbox.error} />
      ) : items.length === 0 ? (
        <p>{t.verification.none}</p>
      ) : (
        <>
          {overdue > 0 && <Notice tone="warning">{fill(t.verification.overdueCount, { count: formatNumber(overdue) })}</Notice>}
          <label className="check-row">
            <input
              type="checkbox"
              checked={allChosen}
              onChange={() =>
                allChosen
                  ? setSelected(new Set())
                  : choose(
                      items.map((entry) => entry.id),
                      true,
                    )
              }
            />
            <strong>{t.verification.selectAll}</strong>
          </label>
          {groups.map((employee) => {
            const all = employee.ids.every((id) => selected.has(id));
            return (
              <section key={employee.nip} className="card" aria-labelledby={`employee-${employee.nip}`} data-testid="pending-employee">
                <h2 id={`employee-${employee.nip}`} style={{ marginTop: 0 }}>
                  {employee.name} <span className="muted">· {employee.nip}</span>
                </h2>
                <label className="check-row">
                  <input type="checkbox" checked={all} onChange={() => choose(employee.ids, !all)} />
                  <span>
                    {fill(t.verification.selectEmployee, { name: employee.name })} ({fill(t.verification.entries, { count: employee.ids.length })})
                  </span>
                </label>
                {employee.days.map((day) => (
                  <div key={day.date}>
                    <h3>{formatDate(day.date)}</h3>
                    <ul className="plain-list">
                      {day.entries.map((entry) => (
                        <PendingEntry key={entry.id} entry={entry} checked={selected.has(entry.id)} onChange={(on) => choose([entry.id], on)} />
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
          <VerificationDecision count={chosen.length} busy={running} onDecide={(decision) => void decide(decision)} />
        </>
      )}
    </Page>
  );
}

function PendingEntry({ entry, checked, onChange }: { entry: PendingActivity; checked: boolean; onChange: (on: boolean) => void }) {
  const standard = entry.standardMinutes === null ? null : entry.standardMinutes * entry.quantity;
  return (
    <li style={{ borderTop: '1px solid var(--line)' }}>
      <label className="check-row">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>
          <strong>{entry.catalogueName ?? entry.description}</strong>
          <br />
          <span className="muted">
            {fill(t.activities.quantityMinutes, { quantity: formatNumber(entry.quantity), minutes: formatNumber(entry.minutes) })}
            {standard !== null && ` · ${fill(t.verification.standard, { max: formatNumber(standard) })}`}
          </span>
        </span>
      </label>
      <div className="row" style={{ marginBottom: '0.5rem' }}>
        {entry.overdue ? (
          <span className="badge bad">{fill(t.verification.overdue, { date: formatShortDate(entry.verificationDeadline) })}</span>
        ) : (
          <span className="muted">{fill(t.verification.deadline, { date: formatShortDate(entry.verificationDeadline) })}</span>
        )}
        {entry.evidenceId && <EvidenceLink activityId={entry.id} />}
      </div>
    </li>
  );
}

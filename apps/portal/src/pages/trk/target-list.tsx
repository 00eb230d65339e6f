import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Target } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { formatDecimal, formatMonth, formatNumber } from '../../format';
import { fill, t } from '../../i18n';

const TONE: Record<string, string> = { PROPOSED: 'neutral', AGREED: 'good', REJECTED: 'bad' };

export const periodLabel = (period: string) => (period.length === 7 ? formatMonth(period) : `${t.targets.kindShort.ANNUAL} ${period}`);

/** Targets with their achievement; with `decidable`, the proposed ones can be agreed or rejected (with the reason given once above). */
export function TargetList({ targets, names, decidable = false }: { targets: Target[]; names?: Map<string, string>; decidable?: boolean }) {
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const decide = async (target: Target, agree: boolean) => {
    setError(null);
    setDone(null);
    if (!agree && reason.trim() === '') return setReasonError(t.targets.reasonRequired);
    setReasonError(undefined);
    try {
      const path = { path: { id: target.id } };
      const decided = await unwrap(
        agree
          ? api.POST('/api/v1/trk/targets/{id}/agree', { params: path })
          : api.POST('/api/v1/trk/targets/{id}/reject', { params: path, body: { reason: reason.trim() } }),
      );
      setDone(fill(t.targets.decided, { title: decided.title, status: t.targets.statuses[decided.status].toLowerCase() }));
      setReason('');
      await queries.invalidateQueries({ queryKey: ['trk', 'targets'] });
    } catch (problem) {
      setError(problem);
    }
  };

  return (
    <>
      {done && <Notice tone="success">{done}</Notice>}
      <ProblemNotice error={error} />
      {targets.length === 0 && <p>{decidable ? t.targets.noneWaiting : t.targets.none}</p>}
      {decidable && targets.some((x) => x.status === 'PROPOSED') && (
        <Field label={t.targets.rejectReason} hint={t.targets.rejectHint} error={reasonError}>
          <input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      <ul className="plain-list">
        {targets.map((target) => (
          <li key={target.id} className="card" data-testid="target">
            <div className="row" style={{ justifyContent: 'space-between', alignItems: 'start' }}>
              <strong>{target.title}</strong>
              <span className={`badge ${TONE[target.status] ?? 'neutral'}`}>{t.targets.statuses[target.status] ?? target.status}</span>
            </div>
            <p className="muted" style={{ margin: '0.25rem 0' }}>
              {names?.get(target.nip) && `${names.get(target.nip)} · `}
              {periodLabel(target.period)} · {target.catalogueCodes.join(', ')}
            </p>
            <p style={{ margin: '0.25rem 0' }}>
              {t.targets.progress}:{' '}
              {fill(t.targets.achieved, {
                achieved: formatNumber(target.achieved),
                quantity: formatNumber(target.quantity),
                unit: target.outputUnit,
                percent: `${formatDecimal(target.achievementPercent)} %`,
              })}
              {target.pendingQuantity > 0 && ` · ${fill(t.targets.pendingQuantity, { count: formatNumber(target.pendingQuantity), unit: target.outputUnit })}`}
            </p>
            {target.decisionReason && (
              <p style={{ margin: '0.25rem 0' }}>
                <strong>{t.common.reason}:</strong> {target.decisionReason}
              </p>
            )}
            {decidable && target.status === 'PROPOSED' && (
              <div className="actions">
                <button type="button" className="primary" aria-label={`${t.targets.agree}: ${target.title}`} onClick={() => void decide(target, true)}>
                  {t.targets.agree}
                </button>
                <button type="button" className="danger" aria-label={`${t.targets.reject}: ${target.title}`} onClick={() => void decide(target, false)}>
                  {t.targets.reject}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

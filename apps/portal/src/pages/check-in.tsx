import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { keys, useToday } from '../api/queries';
import { Loading, Notice } from '../components/notice';
import { Page } from '../components/page';
import { Selfie } from '../components/selfie';
import { usePosition } from '../components/use-position';
import { formatDateTime, formatMeters, formatNumber, formatTime } from '../format';
import { t } from '../i18n';
import { checkInQueue, useCheckInQueue, type CheckInBody } from '../offline/check-in-queue';
import { useOnline } from '../use-online';

type Outcome =
  | { kind: 'accepted'; at: string; location: string | null; distance: number | null }
  | { kind: 'refused'; message: string; nearest: { name: string; distanceMeters: number } | null }
  | { kind: 'queued' };

/** A stable id for this phone's browser, so BKD can see which device checked in. */
function deviceId(): string {
  let id = localStorage.getItem('asn.device');
  if (!id) localStorage.setItem('asn.device', (id = `web-${crypto.randomUUID()}`));
  return id;
}

/** Presensi: the position and a selfie, then one button; without a signal it is kept and sent later. */
export default function CheckInPage() {
  const queries = useQueryClient();
  const today = useToday();
  const position = usePosition();
  const online = useOnline();
  const queue = useCheckInQueue();
  const [photo, setPhoto] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // After the first check-in every further one is a check-out: the last one of the day counts.
  const type: 'IN' | 'OUT' = today.data?.checkIn ? 'OUT' : 'IN';
  const exempt = today.data?.request?.status === 'APPROVED' && ['DINAS_LUAR', 'WFH'].includes(today.data.request.type);

  const send = async () => {
    if (position.state !== 'found') return;
    const body: CheckInBody = { type, ...position.fix, mocked: false, deviceId: deviceId(), ...(photo ? { photo } : {}) };
    setBusy(true);
    setOutcome(null);
    try {
      if (!navigator.onLine) throw new ApiProblem(0, t.common.offline);
      const stored = await unwrap(api.POST('/api/v1/kmob/check-ins', { body }));
      setOutcome({ kind: 'accepted', at: stored.at, location: stored.locationName ?? null, distance: stored.distanceMeters ?? null });
      setPhoto(null);
      void queries.invalidateQueries({ queryKey: keys.today });
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status !== 0) {
        const nearest = (problem.info.nearest as { name: string; distanceMeters: number } | null | undefined) ?? null;
        setOutcome({ kind: 'refused', message: problem.message, nearest });
      } else {
        await checkInQueue.keep(body);
        setOutcome({ kind: 'queued' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t.checkIn.title}>
      {!online && <Notice tone="warning">{t.checkIn.offlineSaved}</Notice>}
      {queue.outcomes.length > 0 && (
        <Notice tone={queue.outcomes.every((o) => o.accepted) ? 'success' : 'warning'} title={t.checkIn.sent}>
          <ul>
            {queue.outcomes.map((o) => (
              <li key={o.clientId}>
                {o.type === 'IN' ? t.checkIn.in : t.checkIn.out} {formatDateTime(o.capturedAt)}:{' '}
                {o.accepted ? t.checkIn.accepted : `${t.checkIn.refused} – ${o.message}`}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => checkInQueue.dismissOutcomes()}>
            {t.common.close}
          </button>
        </Notice>
      )}
      {outcome?.kind === 'accepted' && (
        <Notice tone="success" title={t.checkIn.accepted}>
          {formatTime(outcome.at)}
          {outcome.location && ` · ${outcome.location}`}
          {outcome.distance !== null && ` · ${t.checkIn.distance} ${formatMeters(outcome.distance)}`}
        </Notice>
      )}
      {outcome?.kind === 'refused' && (
        <Notice tone="error" title={t.checkIn.refused}>
          <p>{outcome.message}</p>
          {outcome.nearest && (
            <p>
              {t.checkIn.nearest}: <strong>{outcome.nearest.name}</strong>, {t.checkIn.distance.toLowerCase()}{' '}
              <strong>{formatMeters(outcome.nearest.distanceMeters)}</strong>
            </p>
          )}
        </Notice>
      )}
      {outcome?.kind === 'queued' && <Notice tone="warning">{t.checkIn.offlineSaved}</Notice>}
      {exempt && <Notice>{t.checkIn.exempt}</Notice>}

      <section className="card">
        <div className="field">
          <span className="label">{t.checkIn.location}</span>
          {position.state === 'locating' && <p role="status">{t.checkIn.locating}</p>}
          {position.state === 'failed' && <Notice tone="error">{t.checkIn.noLocation}</Notice>}
          {position.state === 'found' && (
            <p role="status">
              {position.fix.latitude.toFixed(5)}, {position.fix.longitude.toFixed(5)} · {t.checkIn.accuracy} ± {formatNumber(position.fix.accuracyMeters)} m
            </p>
          )}
        </div>
        <Selfie photo={photo} onPhoto={setPhoto} />
        {today.error ? <Loading error={today.error} /> : null}
        <button className="primary big" disabled={busy || position.state !== 'found'} onClick={() => void send()}>
          {type === 'IN' ? t.checkIn.in : t.checkIn.out}
        </button>
      </section>
    </Page>
  );
}

import { useState } from 'react';
import { useOwnEmployee } from '../../api/queries';
import { useCatalogue, useEntryDays } from '../../api/trk-queries';
import { Loading, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { todayWita } from '../../format';
import { fill, t } from '../../i18n';
import { useSession } from '../../session/session';
import { ActivityForm } from './activity-form';
import { DayEntries } from './day-entries';

/**
 * Aktivitas harian: the day's work entered from the phone before the cut-off (or inside a back-dating
 * window), and that day's entries with their verification.
 */
export default function ActivitiesPage() {
  const user = useSession()!.user;
  const entryDays = useEntryDays();
  const employee = useOwnEmployee();
  const catalogue = useCatalogue(employee.data?.positionCode ?? null, !!employee.data);
  const [picked, setPicked] = useState<string | null>(null);
  const [viewed, setViewed] = useState<string | null>(null);

  const open = entryDays.data?.days ?? [];
  // The picked date until it closes (the cut-off passes while the page is open), then the newest open one.
  const formDate = open.find((d) => d.date === picked)?.date ?? open[0]?.date ?? null;
  const shown = viewed ?? formDate ?? entryDays.data?.today ?? todayWita();
  const shownDay = open.find((d) => d.date === shown);

  return (
    <Page title={t.activities.title}>
      {!entryDays.data ? (
        <Loading error={entryDays.error} />
      ) : (
        <>
          {entryDays.data.todayRefusal && <Notice tone="warning">{fill(t.activities.closedToday, { reason: entryDays.data.todayRefusal })}</Notice>}
          {formDate === null ? (
            <Notice>{t.activities.nothingOpen}</Notice>
          ) : (
            <section className="card" aria-label={t.activities.title}>
              <ActivityForm
                nip={user.nip}
                days={open}
                date={formDate}
                onDate={(date) => {
                  setPicked(date);
                  setViewed(null);
                }}
                catalogue={catalogue.data ?? []}
              />
            </section>
          )}
        </>
      )}
      <DayEntries nip={user.nip} date={shown} workingMinutes={shownDay?.workingMinutes ?? null} onDate={setViewed} />
    </Page>
  );
}

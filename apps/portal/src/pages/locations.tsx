import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { Field } from '../components/field';
import { Loading, Notice, ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { t } from '../i18n';
import { useSession } from '../session/session';

// Leaflet comes with this page only.
const LocationMap = lazy(() => import('../components/location-map'));

interface Draft {
  name: string;
  latitude: string;
  longitude: string;
  radiusMeters: string;
  wifiBssids: string;
}

const toDraft = (l: { name: string; latitude: number; longitude: number; radiusMeters: number; wifiBssids?: string[] }): Draft => ({
  name: l.name,
  latitude: String(l.latitude),
  longitude: String(l.longitude),
  radiusMeters: String(l.radiusMeters),
  wifiBssids: (l.wifiBssids ?? []).join(', '),
});
const EMPTY: Draft = { name: '', latitude: '', longitude: '', radiusMeters: '100', wifiBssids: '' };

/** Lokasi kantor: a unit's offices on a map and as fields, saved together. */
export default function LocationsPage() {
  const user = useSession()!.user;
  const [unitCode, setUnitCode] = useState(user.unitCode);
  const units = useQuery({ queryKey: ['siap', 'units'], queryFn: () => unwrap(api.GET('/api/v1/siap/units')) });
  const stored = useQuery({
    queryKey: ['kmob', 'locations', unitCode],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/locations/{unitCode}', { params: { path: { unitCode } } })),
    // Refetched only after a save: a refresh in the background would reset the admin's unsaved edits.
    staleTime: Infinity,
  });
  return (
    <Page title={t.locations.title}>
      <Field label={t.common.unit}>
        <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
          {(units.data?.items ?? [{ code: user.unitCode, name: user.unitCode }]).map((u) => (
            <option key={u.code} value={u.code}>
              {u.name} ({u.code})
            </option>
          ))}
        </select>
      </Field>
      {!stored.data ? (
        <Loading error={stored.error} />
      ) : (
        // A new unit or freshly saved offices start a new draft.
        <LocationEditor key={`${unitCode}-${stored.dataUpdatedAt}`} unitCode={unitCode} stored={stored.data} />
      )}
    </Page>
  );
}

type StoredLocation = Parameters<typeof toDraft>[0];

function LocationEditor({ unitCode, stored }: { unitCode: string; stored: StoredLocation[] }) {
  const queries = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(() => stored.map(toDraft));
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const edit = (index: number, change: Partial<Draft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      const locations = drafts.map((d) => ({
        name: d.name.trim(),
        latitude: Number(d.latitude),
        longitude: Number(d.longitude),
        radiusMeters: Number(d.radiusMeters),
        wifiBssids: d.wifiBssids
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      }));
      await unwrap(api.PUT('/api/v1/kmob/locations/{unitCode}', { params: { path: { unitCode } }, body: locations }));
      setSaved(true);
      await queries.invalidateQueries({ queryKey: ['kmob', 'locations', unitCode] });
    } catch (problem) {
      setError(problem);
    }
  };
  const fieldError = (index: number, name: string) => (error instanceof ApiProblem ? error.field(`locations.${index}.${name}`) : undefined);

  return (
    <>
      {saved && <Notice tone="success">{t.employees.saved}</Notice>}
      <ProblemNotice error={error} />
      <Suspense fallback={<div className="map" />}>
        <LocationMap
          locations={drafts.map((d) => ({ name: d.name, latitude: Number(d.latitude), longitude: Number(d.longitude), radiusMeters: Number(d.radiusMeters) }))}
          selected={selected}
          onPick={(lat, lng) => drafts[selected] && edit(selected, { latitude: String(lat), longitude: String(lng) })}
        />
      </Suspense>
      {drafts.map((d, i) => (
        <fieldset key={i} className="card" onFocus={() => setSelected(i)}>
          <legend>
            {t.locations.name} {i + 1}
          </legend>
          <Field label={t.locations.name} error={fieldError(i, 'name')}>
            <input value={d.name} onChange={(e) => edit(i, { name: e.target.value })} />
          </Field>
          <div className="row">
            <Field label={t.locations.latitude} error={fieldError(i, 'latitude')}>
              <input inputMode="decimal" value={d.latitude} onChange={(e) => edit(i, { latitude: e.target.value })} />
            </Field>
            <Field label={t.locations.longitude} error={fieldError(i, 'longitude')}>
              <input inputMode="decimal" value={d.longitude} onChange={(e) => edit(i, { longitude: e.target.value })} />
            </Field>
            <Field label={t.locations.radius} error={fieldError(i, 'radiusMeters')}>
              <input inputMode="numeric" value={d.radiusMeters} onChange={(e) => edit(i, { radiusMeters: e.target.value })} />
            </Field>
          </div>
          <Field label={t.locations.wifi} error={fieldError(i, 'wifiBssids')}>
            <input value={d.wifiBssids} onChange={(e) => edit(i, { wifiBssids: e.target.value })} />
          </Field>
          <button type="button" className="danger" onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>
            {t.locations.remove}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => setDrafts((all) => [...all, EMPTY])}>
          {t.locations.add}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {t.common.save}
        </button>
      </div>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/**
 * TRK's queries shared by its pages, under keys that start with 'trk' and the thing they hold, so
 * recording or verifying an activity refreshes every page that shows it.
 */
export const trkKeys = {
  entryDays: ['trk', 'entry-days'] as const,
  activities: ['trk', 'activities'] as const,
  month: (nip: string, month: string) => ['trk', 'activities', nip, month] as const,
  pending: ['trk', 'activities', 'pending'] as const,
  catalogue: (positionCode: string | null) => ['trk', 'catalogue', positionCode ?? 'semua'] as const,
  targets: (nip: string) => ['trk', 'targets', nip] as const,
  score: (nip: string, month: string) => ['trk', 'score', nip, month] as const,
  skpUnit: (year: string, unitCode: string) => ['trk', 'skp', year, unitCode] as const,
  skpBasis: (year: string, nip: string) => ['trk', 'skp-basis', year, nip] as const,
};

const fetchEntryDays = () => unwrap(api.GET('/api/v1/trk/activities/entry-days'));
const fetchMonth = (nip: string, month: string) => unwrap(api.GET('/api/v1/trk/activities', { params: { query: { nip, month } } }));
const fetchPending = () => unwrap(api.GET('/api/v1/trk/activities/pending'));
const fetchCatalogue = (positionCode: string | null) => unwrap(api.GET('/api/v1/trk/catalogue', { params: { query: positionCode ? { positionCode } : {} } }));
const fetchTargets = (nip: string) => unwrap(api.GET('/api/v1/trk/targets', { params: { query: { nip } } }));
const fetchSkpBasis = (year: string, nip: string) => unwrap(api.GET('/api/v1/trk/skp/{year}/ratings/{nip}', { params: { path: { year, nip } } }));

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
export type EntryDay = Answer<typeof fetchEntryDays>['days'][number];
export type Activity = Answer<typeof fetchMonth>[number];
export type PendingActivity = Answer<typeof fetchPending>[number];
export type CatalogueActivity = Answer<typeof fetchCatalogue>[number];
export type Target = Answer<typeof fetchTargets>[number];
export type SkpBasis = Answer<typeof fetchSkpBasis>;

/**
 * The dates the caller may enter now; read again each minute on the entry page, since the cut-off
 * closes today while it is open. Beranda reads it once (`live` false): it only glances at today.
 */
export const useEntryDays = (live = true) => useQuery({ queryKey: trkKeys.entryDays, queryFn: fetchEntryDays, refetchInterval: live ? 60_000 : false });

export const useMonthActivities = (nip: string, month: string) => useQuery({ queryKey: trkKeys.month(nip, month), queryFn: () => fetchMonth(nip, month) });

export const usePendingActivities = (enabled = true) => useQuery({ queryKey: trkKeys.pending, enabled, queryFn: fetchPending });

/** A position's catalogue (its own activities and its type's), or, with none given, every activity. */
export const useCatalogue = (positionCode: string | null, enabled = true) =>
  useQuery({ queryKey: trkKeys.catalogue(positionCode), enabled, queryFn: () => fetchCatalogue(positionCode) });

export const useTargets = (nip: string, enabled = true) => useQuery({ queryKey: trkKeys.targets(nip), enabled, queryFn: () => fetchTargets(nip) });

/** What an employee's SKP rating rests on: the year's published monthly scores and its IKI targets. */
export const useSkpBasis = (year: string, nip: string) =>
  useQuery({ queryKey: trkKeys.skpBasis(year, nip), enabled: nip !== '', queryFn: () => fetchSkpBasis(year, nip) });

/** The atasan's direct subordinates (K-Mob's team list), to choose whose score, targets or SKP to see. */
export const useTeam = (enabled: boolean) => useQuery({ queryKey: ['kmob', 'team'], enabled, queryFn: () => unwrap(api.GET('/api/v1/kmob/attendance/team')) });

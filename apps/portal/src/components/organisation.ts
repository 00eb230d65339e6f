import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { fill, t } from '../i18n';

/** The organisation tree changes a few times a year: its lists are fetched once an hour at most. */
const HOUR = 3_600_000;

const fetchUnits = () => unwrap(api.GET('/api/v1/siap/units'));
const fetchUnitPositions = (unitCode: string) => unwrap(api.GET('/api/v1/siap/positions', { params: { query: { unitCode } } }));
const fetchPosition = (code: string) => unwrap(api.GET('/api/v1/siap/positions/{code}', { params: { path: { code } } }));

export type Unit = Awaited<ReturnType<typeof fetchUnits>>['items'][number];
export type Position = Awaited<ReturnType<typeof fetchUnitPositions>>['items'][number];

/** Every unit (OPD and the units below it), for names and pickers. */
export const useUnits = () => useQuery({ queryKey: ['siap', 'units'], queryFn: fetchUnits, staleTime: HOUR });

/** The positions of one unit; nothing until a unit is chosen. */
export const useUnitPositions = (unitCode: string | undefined) =>
  useQuery({ queryKey: ['siap', 'positions', unitCode], queryFn: () => fetchUnitPositions(unitCode!), enabled: !!unitCode, staleTime: HOUR });

/** Unit names by code; a code whose unit is not (yet) known names itself. */
export function useUnitNames(): (code: string) => string {
  const units = useUnits();
  const names = new Map((units.data?.items ?? []).map((unit) => [unit.code, unit.name]));
  return (code) => names.get(code) ?? code;
}

/**
 * Position names by code, one small request per position (cached): an employee's record names a
 * handful, and the full list of the province's positions is too big for a phone.
 */
export function usePositionNames(codes: string[]): (code: string) => string {
  const distinct = [...new Set(codes.filter(Boolean))];
  const names = useQueries({
    queries: distinct.map((code) => ({ queryKey: ['siap', 'position', code], queryFn: () => fetchPosition(code), staleTime: HOUR, retry: false })),
    combine: (results) => new Map(results.flatMap((result) => (result.data ? [[result.data.code, result.data.name] as const] : []))),
  });
  return (code) => names.get(code) ?? code;
}

/** The codes of a unit and every unit below it. */
export function unitSubtree(units: readonly Unit[], root: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parentCode) children.set(unit.parentCode, [...(children.get(unit.parentCode) ?? []), unit.code]);
  const found = new Set<string>();
  const visit = (code: string) => {
    if (found.has(code)) return;
    found.add(code);
    for (const child of children.get(code) ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** PNS golongan, lowest first (PP 99/2000); the pangkat names are in the dictionary. */
export const PNS_GOLONGAN = Object.keys(t.ranks);
/** PPPK golongan I–XVII. */
export const PPPK_GOLONGAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

export const golonganFor = (employmentType: string) => (employmentType === 'PPPK' ? PPPK_GOLONGAN : PNS_GOLONGAN);

/** "Penata Muda (III/a)" for a PNS golongan, "Golongan IX" for PPPK. */
export function rankLabel(golongan: string): string {
  const pangkat = t.ranks[golongan];
  return pangkat ? `${pangkat} (${golongan})` : fill(t.profile.pppkGolongan, { golongan });
}

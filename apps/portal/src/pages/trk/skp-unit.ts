import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { trkKeys } from '../../api/trk-queries';

const fetchUnit = (year: string, unitCode: string) => unwrap(api.GET('/api/v1/trk/skp/{year}/units/{unitCode}', { params: { path: { year, unitCode } } }));

/** A unit's SKP year as it stands: ratings, the organisation's rating, and its distribution check. */
export type SkpUnit = Awaited<ReturnType<typeof fetchUnit>>;
export type Rating = 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
export const RATINGS: Rating[] = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'];

export const useSkpUnit = (year: string, unitCode: string) => useQuery({ queryKey: trkKeys.skpUnit(year, unitCode), queryFn: () => fetchUnit(year, unitCode) });

/**
 * PermenPANRB 6/2022's hasil × perilaku matrix, to show the predikat a rating will give while it is
 * being chosen; the one stored is always the platform's.
 */
const MATRIX: Record<Rating, Record<Rating, string>> = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
};
export const predikatOf = (hasil: Rating, perilaku: Rating) => MATRIX[hasil][perilaku];

import type { EmployeeState } from '@app/contracts';

/** An employee's state as SIAP's events carry it, for tests that play SIAP. */
export function employeeState(nip: string, overrides: Partial<EmployeeState> = {}): EmployeeState {
  return {
    nip,
    name: `Pegawai ${nip.slice(-3)}`,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    sex: nip[14] === '1' ? 'L' : 'P',
    employmentType: 'PNS',
    golongan: 'III/a',
    unitCode: 'BKD-MUTASI',
    unitPath: ['BKD-MUTASI', 'BKD'],
    positionCode: 'BKD-ANALIS',
    kelasJabatan: 8,
    supervisorPositionCode: 'BKD-KABID',
    tmtCpns: '2015-03-01',
    status: 'AKTIF',
    email: null,
    phone: null,
    version: 1,
    ...overrides,
  };
}

/** An organisation to create in SIAP for a test: units, positions, and people by key. */
export interface SampleOrganisation {
  units: { code: string; name: string; parentCode?: string }[];
  positions: { code: string; name: string; type: string; kelasJabatan: number; unitCode: string; parentCode?: string; eselon?: string; jenjang?: string }[];
  people: Record<string, { nip: string; unitCode: string; positionCode: string }>;
}

/**
 * Creates `org` through SIAP's API (whatever reaches it: SIAP directly or the gateway), each person a
 * valid registration built from their NIP (birth date, appointment month, sex).
 */
export async function createInSiap(post: (route: string, body: unknown) => Promise<{ status: number; body: unknown }>, org: SampleOrganisation): Promise<void> {
  const ok = async (route: string, body: unknown) => {
    const r = await post(`/api/v1/siap/${route}`, body);
    if (r.status !== 201) throw new Error(`${route} → ${r.status} ${JSON.stringify(r.body)}`);
  };
  for (const unit of org.units) await ok('units', unit);
  for (const position of org.positions) await ok('positions', position);
  for (const [key, person] of Object.entries(org.people)) {
    await ok('employees', {
      nip: person.nip,
      name: `Pegawai ${key}`,
      birthDate: `${person.nip.slice(0, 4)}-${person.nip.slice(4, 6)}-${person.nip.slice(6, 8)}`,
      sex: person.nip[14] === '1' ? 'L' : 'P',
      employmentType: 'PNS',
      golongan: 'III/a',
      unitCode: person.unitCode,
      positionCode: person.positionCode,
      tmtCpns: `${person.nip.slice(8, 12)}-${person.nip.slice(12, 14)}-01`,
    });
  }
}

/**
 * The organisation the tests share: BKD (a head, an operator, Bidang Mutasi with its head and analysts)
 * and Dinas Kesehatan (a head, nurses and clerks). People are each test's own.
 */
export const SAMPLE_ORGANISATION: Omit<SampleOrganisation, 'people'> = {
  units: [
    { code: 'BKD', name: 'Badan Kepegawaian Daerah' },
    { code: 'BKD-MUTASI', name: 'Bidang Mutasi', parentCode: 'BKD' },
    { code: 'DINKES', name: 'Dinas Kesehatan' },
  ],
  positions: [
    { code: 'BKD-KABAN', name: 'Kepala BKD', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'BKD' },
    { code: 'BKD-OPERATOR', name: 'Pengelola Data Kepegawaian', type: 'PELAKSANA', kelasJabatan: 6, unitCode: 'BKD', parentCode: 'BKD-KABAN' },
    {
      code: 'BKD-KABID-MUTASI',
      name: 'Kepala Bidang Mutasi',
      type: 'STRUKTURAL',
      eselon: 'III.b',
      kelasJabatan: 11,
      unitCode: 'BKD-MUTASI',
      parentCode: 'BKD-KABAN',
    },
    {
      code: 'BKD-ANALIS',
      name: 'Analis Kepegawaian',
      type: 'FUNGSIONAL',
      jenjang: 'Ahli Pertama',
      kelasJabatan: 8,
      unitCode: 'BKD-MUTASI',
      parentCode: 'BKD-KABID-MUTASI',
    },
    { code: 'DINKES-KADIS', name: 'Kepala Dinas Kesehatan', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'DINKES' },
    { code: 'DINKES-STAF', name: 'Perawat', type: 'FUNGSIONAL', jenjang: 'Terampil', kelasJabatan: 7, unitCode: 'DINKES', parentCode: 'DINKES-KADIS' },
    { code: 'DINKES-PELAKSANA', name: 'Pengadministrasi Umum', type: 'PELAKSANA', kelasJabatan: 5, unitCode: 'DINKES' },
  ],
};

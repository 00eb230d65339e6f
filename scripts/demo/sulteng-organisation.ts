/** Provincial OPDs of Sulawesi Tengah used by the demo dataset (codes are ours, names are the real agencies). */
export const SULTENG_OPDS: { code: string; name: string; kind: 'badan' | 'dinas' | 'biro' | 'inspektorat' }[] = [
  { code: 'BKD', name: 'Badan Kepegawaian Daerah', kind: 'badan' },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' },
  { code: 'INSPEKTORAT', name: 'Inspektorat Daerah', kind: 'inspektorat' },
  { code: 'BPSDM', name: 'Badan Pengembangan Sumber Daya Manusia', kind: 'badan' },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', kind: 'badan' },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', kind: 'badan' },
  { code: 'BIRO-ORG', name: 'Biro Organisasi Sekretariat Daerah', kind: 'biro' },
  { code: 'BIRO-HUKUM', name: 'Biro Hukum Sekretariat Daerah', kind: 'biro' },
  { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' },
  { code: 'DINAS-PUPR', name: 'Dinas Bina Marga dan Penataan Ruang', kind: 'dinas' },
  { code: 'DINSOS', name: 'Dinas Sosial', kind: 'dinas' },
  { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas' },
  { code: 'DKP', name: 'Dinas Kelautan dan Perikanan', kind: 'dinas' },
  { code: 'DISTANHUT', name: 'Dinas Tanaman Pangan dan Hortikultura', kind: 'dinas' },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi, Informatika, Persandian dan Statistik', kind: 'dinas' },
];

export interface DemoUnit {
  code: string;
  name: string;
  parentCode?: string;
}

export interface DemoPosition {
  code: string;
  name: string;
  type: 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';
  eselon?: string;
  jenjang?: string;
  kelasJabatan: number;
  unitCode: string;
  parentCode?: string;
}

/** Each OPD with a secretariat and two fields (bidang): the units, each OPD's head and each sub-unit's chief. */
export function demoUnitsAndChiefs(): { units: DemoUnit[]; heads: DemoPosition[]; chiefs: DemoPosition[] } {
  const units: DemoUnit[] = [];
  const heads: DemoPosition[] = [];
  const chiefs: DemoPosition[] = [];
  for (const opd of SULTENG_OPDS) {
    units.push({ code: opd.code, name: opd.name });
    const head: DemoPosition = {
      code: `${opd.code}-KEPALA`,
      name: `Kepala ${opd.name}`,
      type: 'STRUKTURAL',
      eselon: 'II.a',
      kelasJabatan: 14,
      unitCode: opd.code,
    };
    heads.push(head);
    for (const [suffix, name] of [
      ['SEKRETARIAT', 'Sekretariat'],
      ['BIDANG-1', 'Bidang Program'],
      ['BIDANG-2', 'Bidang Pelayanan'],
    ]) {
      const unitCode = `${opd.code}-${suffix}`;
      units.push({ code: unitCode, name: `${name} ${opd.name}`, parentCode: opd.code });
      chiefs.push({
        code: `${unitCode}-KEPALA`,
        name: `Kepala ${name}`,
        type: 'STRUKTURAL',
        eselon: 'III.a',
        kelasJabatan: 11,
        unitCode,
        parentCode: head.code,
      });
    }
  }
  return { units, heads, chiefs };
}

/** Each OPD: a secretariat and two fields (bidang), a head, their chiefs, analysts and clerks. */
export function demoOrganisation(): { units: DemoUnit[]; positions: DemoPosition[]; staffPositions: DemoPosition[] } {
  const { units, heads, chiefs } = demoUnitsAndChiefs();
  const positions: DemoPosition[] = [];
  const staffPositions: DemoPosition[] = [];
  for (const chief of chiefs) {
    const head = heads.find((h) => h.code === chief.parentCode)!;
    if (!positions.includes(head)) positions.push(head);
    const name = chief.name.replace(/^Kepala /, '');
    const analyst: DemoPosition = {
      code: `${chief.unitCode}-ANALIS`,
      name: `Analis ${name}`,
      type: 'FUNGSIONAL',
      jenjang: 'Ahli Pertama',
      kelasJabatan: 8,
      unitCode: chief.unitCode,
      parentCode: chief.code,
    };
    const clerk: DemoPosition = {
      code: `${chief.unitCode}-PELAKSANA`,
      name: `Pengadministrasi ${name}`,
      type: 'PELAKSANA',
      kelasJabatan: 5,
      unitCode: chief.unitCode,
      parentCode: chief.code,
    };
    positions.push(chief, analyst, clerk);
    staffPositions.push(analyst, clerk);
  }
  return { units, positions, staffPositions };
}

const GIVEN = ['Andi', 'Moh.', 'Nur', 'Siti', 'Abdul', 'Rahmat', 'Fitri', 'Ahmad', 'Dewi', 'Hasan', 'Sri', 'Irfan', 'Wahyuni', 'Yusuf', 'Ratna', 'Fadli'];
const FAMILY = [
  'Lamaranggi',
  'Tombolotutu',
  'Labolo',
  'Lasahido',
  'Pettalolo',
  'Djanggola',
  'Lalu',
  'Pakamundi',
  'Tandiabang',
  'Sigi',
  'Mangge',
  'Lamakampali',
];
const PNS_GOLONGAN = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];

export interface DemoEmployee {
  nip: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  employmentType: 'PNS' | 'PPPK';
  golongan: string;
  unitCode: string;
  positionCode: string;
  tmtCpns: string;
  email: string;
  phone: string;
}

/**
 * Synthetic employee number `i` (unique for every i below 999,000): NIPs follow the rules (real
 * birth date, appointment after 18 and not in the future, sex digit, sequence).
 */
export function demoEmployee(i: number, staffPositions: DemoPosition[]): DemoEmployee {
  // Birth date from i / 999 and sequence from i % 999 make the NIP unique; births stay within 1966–1974.
  const birth = new Date(Date.UTC(1966, 0, 1) + Math.floor(i / 999) * 3 * 86_400_000);
  const birthDate = birth.toISOString().slice(0, 10);
  const appointYear = Math.min(birth.getUTCFullYear() + 22 + (i % 5), 2024);
  const appointMonth = String(1 + (i % 9)).padStart(2, '0');
  const male = i % 3 !== 0;
  const nip = `${birthDate.replace(/-/g, '')}${appointYear}${appointMonth}${male ? 1 : 2}${String(1 + (i % 999)).padStart(3, '0')}`;
  const position = staffPositions[i % staffPositions.length];
  const pppk = i % 10 === 9;
  return {
    nip,
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 5) % FAMILY.length]}`,
    birthDate,
    sex: male ? 'L' : 'P',
    employmentType: pppk ? 'PPPK' : 'PNS',
    golongan: pppk ? 'IX' : PNS_GOLONGAN[i % PNS_GOLONGAN.length],
    unitCode: position.unitCode,
    positionCode: position.code,
    tmtCpns: `${appointYear}-${appointMonth}-01`,
    email: `pegawai${i}@sultengprov.go.id`,
    phone: `08${String(1_000_000_000 + i).slice(1)}`,
  };
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** Employees `from` … `from + count - 1` as a CSV in the shape of SIASN's export (DD-MM-YYYY dates, M/F). */
export function demoEmployeesCsv(count: number, staffPositions: DemoPosition[], from = 0): string {
  const header = [
    'NIP BARU',
    'NAMA',
    'TGL LAHIR',
    'JENIS KELAMIN',
    'JENIS PEGAWAI NAMA',
    'GOL AKHIR NAMA',
    'UNOR ID',
    'JABATAN ID',
    'TMT CPNS',
    'EMAIL',
    'NOMOR HP',
  ];
  const lines = [header.join(',')];
  for (let i = from; i < from + count; i++) {
    const e = demoEmployee(i, staffPositions);
    const type = e.employmentType === 'PPPK' ? 'PPPK' : 'PNS Daerah Provinsi';
    lines.push(
      [e.nip, e.name, dmy(e.birthDate), e.sex === 'L' ? 'M' : 'F', type, e.golongan, e.unitCode, e.positionCode, dmy(e.tmtCpns), e.email, e.phone].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * An office location per OPD for K-Mob's geofence: synthetic points spread over central Palu (around
 * the Governor's office at -0.8917, 119.8707), 100 m radius. Real coordinates come from each OPD's operator.
 */
export function demoOffices(): { unitCode: string; name: string; latitude: number; longitude: number; radiusMeters: number }[] {
  return SULTENG_OPDS.map((opd, i) => ({
    unitCode: opd.code,
    name: `Kantor ${opd.name}`,
    latitude: Math.round((-0.8917 - 0.002 * (i % 4)) * 1e6) / 1e6,
    longitude: Math.round((119.8707 - 0.003 * Math.floor(i / 4)) * 1e6) / 1e6,
    radiusMeters: 100,
  }));
}

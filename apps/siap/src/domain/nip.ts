/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date YYYYMMDD, CPNS appointment month YYYYMM, sex digit
 * (1 male, 2 female) and a 3-digit sequence. Example 196608011988031001.
 */
export interface NipParts {
  birthDate: string;
  appointmentMonth: string;
  sex: 'L' | 'P';
  sequence: string;
}

export interface NipProblem {
  field: string;
  message: string;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses a NIP, or returns the reasons it is not one (in Bahasa Indonesia, for staff). */
export function parseNip(nip: string, today = new Date()): { parts?: NipParts; problems: NipProblem[] } {
  if (!/^\d{18}$/.test(nip)) return { problems: [{ field: 'nip', message: 'harus 18 digit angka' }] };
  const problems: NipProblem[] = [];
  const [by, bm, bd] = [nip.slice(0, 4), nip.slice(4, 6), nip.slice(6, 8)].map(Number);
  const [ay, am] = [Number(nip.slice(8, 12)), Number(nip.slice(12, 14))];
  const sexDigit = nip[14];
  if (by < 1900 || !isRealDate(by, bm, bd)) problems.push({ field: 'nip', message: 'delapan digit pertama bukan tanggal lahir yang valid' });
  if (am < 1 || am > 12 || ay < 1900) problems.push({ field: 'nip', message: 'digit 9–14 bukan bulan pengangkatan CPNS yang valid' });
  else {
    const appointment = ay * 12 + (am - 1);
    if (appointment > today.getUTCFullYear() * 12 + today.getUTCMonth()) {
      problems.push({ field: 'nip', message: 'bulan pengangkatan CPNS tidak boleh di masa depan' });
    }
    if (problems.length === 0 && appointment < (by + 18) * 12 + (bm - 1)) {
      problems.push({ field: 'nip', message: 'pengangkatan CPNS harus setelah usia 18 tahun' });
    }
  }
  if (sexDigit !== '1' && sexDigit !== '2') problems.push({ field: 'nip', message: 'digit ke-15 (jenis kelamin) harus 1 atau 2' });
  if (problems.length > 0) return { problems };
  return {
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: sexDigit === '1' ? 'L' : 'P',
      sequence: nip.slice(15),
    },
    problems,
  };
}

/** A NIP must also agree with the birth date and sex recorded for the employee. */
export function checkNipAgainstRecord(nip: string, birthDate: string, sex: 'L' | 'P', today = new Date()): NipProblem[] {
  const { parts, problems } = parseNip(nip, today);
  if (!parts) return problems;
  const mismatches: NipProblem[] = [];
  if (parts.birthDate !== birthDate) mismatches.push({ field: 'birthDate', message: `tidak sesuai dengan NIP (NIP menunjukkan ${parts.birthDate})` });
  if (parts.sex !== sex) mismatches.push({ field: 'sex', message: `tidak sesuai dengan NIP (digit ke-15 menunjukkan ${parts.sex})` });
  return mismatches;
}

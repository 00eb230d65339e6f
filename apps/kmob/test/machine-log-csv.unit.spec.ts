import type { ApiError } from '@app/service-kit';
import { parseMachineLog } from '../src/check-ins/machine-log-csv';

const refusal = (csv: string) => {
  try {
    parseMachineLog(csv);
  } catch (error) {
    return { status: (error as ApiError).getStatus(), ...((error as ApiError).getResponse() as { message: string; details: unknown }) };
  }
  throw new Error('accepted');
};

/** Attendance-machine exports that csv-parse cannot read: the line (and column) and what is wrong, in Bahasa Indonesia. */
describe('unreadable machine-log CSV', () => {
  it.each([
    [
      'a quote opened on line 3 and never closed',
      'baris 3: tanda kutip tidak ditutup',
      'NIP,WAKTU,JENIS\n199003152015031002,2026-10-01 07:30,IN\n199003152015031002,"2026-10-01 16:05,OUT\n',
    ],
    [
      'a quote in the middle of a value',
      'baris 2, kolom 3: tanda kutip di tengah nilai yang tidak diawali tanda kutip (tulis nilainya di antara tanda kutip, dengan "" untuk tanda kutip di dalamnya)',
      'NIP,WAKTU,JENIS\n199003152015031002,2026-10-01 07:30,MA"SUK"\n',
    ],
    [
      'text after a closing quote',
      'baris 2, kolom 1: ada karakter setelah tanda kutip penutup, sebelum pemisah kolom',
      'NIP;WAKTU;JENIS\n"199003152015031002"x;2026-10-01 07:30;IN\n',
    ],
    [
      'a space and text after a closing quote',
      'baris 2, kolom 2: ada karakter setelah tanda kutip penutup, sebelum pemisah kolom',
      'NIP,WAKTU,JENIS\n199003152015031002,"2026-10-01 07:30" x,IN\n',
    ],
    [
      'an unclosed quote after a value spanning two lines',
      'baris 4: tanda kutip tidak ditutup',
      'NIP,WAKTU,JENIS\n"1990031520\n15031002",2026-10-01 07:30,IN\n199003152015031002,2026-10-01 16:05,"OUT\n',
    ],
  ])('%s gets "%s"', (_case, problem, csv) => {
    expect(refusal(csv)).toEqual({ status: 400, message: `Berkas CSV tidak dapat dibaca: ${problem}`, details: [{ field: 'file', message: problem }] });
  });
});

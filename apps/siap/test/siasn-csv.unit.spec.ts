import type { ApiError } from '@app/service-kit';
import { parseSiasnCsv } from '../src/imports/siasn-csv';

const HEADER = 'NIP BARU,NAMA,TGL LAHIR,JENIS KELAMIN,JENIS PEGAWAI NAMA,GOL AKHIR NAMA,UNOR ID,JABATAN ID,TMT CPNS';
const ROW = '199003152015031002,Andi Lamadjido,15-03-1990,L,PNS,III/a,BKD,BKD-ANALIS,01-03-2015';

const refusal = (csv: string) => {
  try {
    parseSiasnCsv(csv);
  } catch (error) {
    return { status: (error as ApiError).getStatus(), ...((error as ApiError).getResponse() as { message: string; details: unknown }) };
  }
  throw new Error('accepted');
};

/** SIASN exports that csv-parse cannot read: the line (and column) and what is wrong, in Bahasa Indonesia, never csv-parse's English. */
describe('unreadable SIASN CSV', () => {
  it.each([
    [
      'a name whose quote is never closed',
      'baris 3: tanda kutip tidak ditutup',
      `${HEADER}\n${ROW}\n199103152015032003,"Siti Aminah,15-03-1991,P,PNS,III/a,BKD,BKD-ANALIS,01-03-2015\n`,
    ],
    [
      'a quote inside an unquoted name',
      'baris 2, kolom NAMA: tanda kutip di tengah nilai yang tidak diawali tanda kutip (tulis nilainya di antara tanda kutip, dengan "" untuk tanda kutip di dalamnya)',
      `${HEADER}\n199103152015032003,Siti "Ami" Nah,15-03-1991,P,PNS,III/a,BKD,BKD-ANALIS,01-03-2015\n`,
    ],
    [
      'text after a closing quote',
      'baris 3, kolom NAMA: ada karakter setelah tanda kutip penutup, sebelum pemisah kolom',
      `${HEADER}\n${ROW}\n199103152015032003,"Siti"x,15-03-1991,P,PNS,III/a,BKD,BKD-ANALIS,01-03-2015\n`,
    ],
    ['an unclosed quote in the header', 'baris 1: tanda kutip tidak ditutup', `NIP BARU,"NAMA\n${ROW}\n`],
  ])('%s gets "%s"', (_case, problem, csv) => {
    expect(refusal(csv)).toEqual({ status: 400, message: `Berkas CSV tidak dapat dibaca: ${problem}`, details: [{ field: 'file', message: problem }] });
  });
});

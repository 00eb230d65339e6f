import { ApiError } from '@app/service-kit';
import { MAX_SALARY_ROWS, parseSalaryCsv, readRupiah } from '../src/salaries/salary-csv';

const HEADER = 'NIP,GAJI POKOK,TUNJANGAN KELUARGA,TUNJANGAN JABATAN/UMUM,TUNJANGAN BERAS,TUNJANGAN PROFESI,STATUS PTKP,ZAKAT';
const NIP_A = '199003152015031002';
const NIP_B = '199203152016032005';
const NIP_C = '198001012006041099';

const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

/** What a file refused as a whole answers: its status and the fields named. */
function refusal(csv: string): { status: number; fields: string[]; message: string } {
  try {
    parseSalaryCsv(csv);
  } catch (error) {
    const e = error as ApiError;
    const body = e.getResponse() as { message: string; details?: { field: string }[] };
    return { status: e.getStatus(), fields: (body.details ?? []).map((d) => d.field), message: body.message };
  }
  throw new Error('the file was accepted');
}

describe('SIMGAJI salary CSV', () => {
  it('reads a good row as whole rupiah and the PTKP status', () => {
    const { rows, errors } = parseSalaryCsv(file(`${NIP_A},3520000,400000,185000,289680,0,K/1,50000`));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        nip: NIP_A,
        gajiPokok: 3_520_000n,
        tunjanganKeluarga: 400_000n,
        tunjanganJabatanUmum: 185_000n,
        tunjanganBeras: 289_680n,
        tunjanganProfesi: 0n,
        ptkpStatus: 'K/1',
        zakat: 50_000n,
      },
    ]);
  });

  it('accepts Indonesian thousands dots and an Rp prefix; optional columns may be left out or empty', () => {
    const csv = [
      'nip,gaji_pokok,Tunjangan Keluarga,tunjangan umum,TUNJANGAN BERAS,ptkp,NAMA',
      `${NIP_A},3.920.000,"392.000",Rp 185.000,289.680,tk/0,Budi`,
    ].join('\r\n');
    const { rows, errors } = parseSalaryCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ gajiPokok: 3_920_000n, tunjanganKeluarga: 392_000n, tunjanganJabatanUmum: 185_000n, tunjanganBeras: 289_680n });
    expect(rows[0]).toMatchObject({ tunjanganProfesi: 0n, zakat: 0n, ptkpStatus: 'TK/0' });
  });

  it("reads ';' separated files, as spreadsheets in the Indonesian locale save them", () => {
    const csv = `${HEADER.replace(/,/g, ';')}\n${NIP_A};3.920.000;392.000;185.000;289.680;;K/3;\n`;
    const { rows, errors } = parseSalaryCsv(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.nip, r.gajiPokok, r.ptkpStatus])).toEqual([[NIP_A, 3_920_000n, 'K/3']]);
  });

  it('refuses decimals and negatives, never rounding them', () => {
    const { rows, errors } = parseSalaryCsv(
      file(`${NIP_A},"3920000,50",400000,185000,289680,,K/1,`, `${NIP_B},3920000.5,400000,-185000,289680,,K/1,`, `${NIP_C},3520000,400000,185000,289680,,K/1,`),
    );
    expect(rows.map((r) => r.nip)).toEqual([NIP_C]);
    expect(errors).toEqual([
      { line: 2, key: NIP_A, problems: [{ field: 'GAJI POKOK', message: expect.stringContaining('tanpa desimal') }] },
      {
        line: 3,
        key: NIP_B,
        problems: [
          { field: 'GAJI POKOK', message: expect.stringContaining('tanpa desimal') },
          { field: 'TUNJANGAN JABATAN/UMUM', message: 'tidak boleh negatif' },
        ],
      },
    ]);
    expect(readRupiah('1.5', true)).toEqual({ problem: expect.stringContaining('tanpa desimal') });
    expect(readRupiah('3.920.00', true)).toEqual({ problem: expect.stringContaining('tanpa desimal') });
    expect(readRupiah('satu juta', true)).toEqual({ problem: expect.stringContaining('angka rupiah bulat') });
    expect(readRupiah('', true)).toEqual({ problem: 'wajib diisi' });
    expect(readRupiah('', false)).toEqual({ value: 0n });
  });

  it('refuses a NIP that is not 18 digits and a PTKP status outside TK/0…K/3', () => {
    const { rows, errors } = parseSalaryCsv(file(`19900315201503100,3520000,0,0,0,,TK/0,`, `${NIP_B},3520000,0,0,0,,K/4,`, `${NIP_C},3520000,0,0,0,,,`));
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, key: '19900315201503100', problems: [{ field: 'NIP', message: 'harus 18 digit angka' }] },
      { line: 3, key: NIP_B, problems: [{ field: 'STATUS PTKP', message: expect.stringContaining('TK/0, TK/1') }] },
      { line: 4, key: NIP_C, problems: [{ field: 'STATUS PTKP', message: 'wajib diisi' }] },
    ]);
  });

  it('refuses every row of a NIP that appears twice: which one is right cannot be known', () => {
    const { rows, errors } = parseSalaryCsv(
      file(`${NIP_A},3520000,0,0,0,,TK/0,`, `${NIP_B},3520000,0,0,0,,TK/0,`, `${NIP_A},3600000,0,0,0,,TK/0,`, `${NIP_A},3700000,0,0,0,,TK/0,`),
    );
    expect(rows.map((r) => r.nip)).toEqual([NIP_B]);
    expect(errors).toEqual([
      { line: 2, key: NIP_A, problems: [{ field: 'NIP', message: 'NIP yang sama ada lagi di baris 4, 5' }] },
      { line: 4, key: NIP_A, problems: [{ field: 'NIP', message: 'NIP yang sama sudah ada di baris 2' }] },
      { line: 5, key: NIP_A, problems: [{ field: 'NIP', message: 'NIP yang sama sudah ada di baris 2' }] },
    ]);
  });

  it('refuses with 400 a file without a required column, naming the column', () => {
    expect(refusal('NIP,GAJI POKOK,TUNJANGAN KELUARGA,TUNJANGAN BERAS\n199003152015031002,1,1,1')).toEqual({
      status: 400,
      fields: ['TUNJANGAN JABATAN/UMUM', 'STATUS PTKP'],
      message: 'Kolom wajib tidak ada: TUNJANGAN JABATAN/UMUM, STATUS PTKP',
    });
  });

  it('refuses with 400 an empty file, a header alone, a doubled column and too many rows', () => {
    expect(refusal('')).toMatchObject({ status: 400, fields: ['file'] });
    expect(refusal(HEADER)).toMatchObject({ status: 400, fields: ['file'] });
    expect(refusal(`${HEADER},TUNJANGAN JABATAN\n`)).toMatchObject({ status: 400, fields: ['TUNJANGAN JABATAN/UMUM'] });
    const tooMany = file(...Array.from({ length: MAX_SALARY_ROWS + 1 }, () => `${NIP_A},1,0,0,0,,TK/0,`));
    expect(refusal(tooMany)).toMatchObject({ status: 400, fields: ['file'], message: expect.stringContaining(`paling banyak ${MAX_SALARY_ROWS}`) });
    expect(refusal(`${HEADER}\n"${NIP_A},1`)).toMatchObject({ status: 400, fields: ['file'] });
  });
});

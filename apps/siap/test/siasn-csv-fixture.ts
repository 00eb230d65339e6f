import { SIASN_COLUMNS } from '../src/imports/siasn-csv';

/** Extra SIASN export columns the importer must ignore. */
const EXTRA = ['PNS ID', 'GELAR DEPAN', 'AGAMA NAMA'];
const HEADER = [...EXTRA, ...Object.keys(SIASN_COLUMNS)];

export interface CsvRowSpec {
  seq: number;
  unitCode: string;
  positionCode: string;
  /** Breaks the row in a known way, for the error report. */
  defect?: 'nip' | 'birthDate' | 'golongan' | 'unit';
}

/** A CSV in the shape of SIASN's "Export Data ASN", dates as DD-MM-YYYY, sex as M/F. */
export function siasnCsv(rows: CsvRowSpec[]): string {
  const lines = rows.map(({ seq, unitCode, positionCode, defect }) => {
    const year = 1965 + (Math.floor(seq / 1000) % 35);
    const month = String(1 + (seq % 12)).padStart(2, '0');
    const male = seq % 2 === 0;
    const nip = `${year}${month}15201001${male ? 1 : 2}${String(seq % 1000).padStart(3, '0')}`;
    const values: Record<string, string> = {
      'PNS ID': `A5EB03E2${seq}`,
      'GELAR DEPAN': '',
      'AGAMA NAMA': 'Islam',
      'NIP BARU': defect === 'nip' ? nip.slice(0, 17) : nip,
      NAMA: `Pegawai Impor ${seq}`,
      'TGL LAHIR': defect === 'birthDate' ? `16-${month}-${year}` : `15-${month}-${year}`,
      'JENIS KELAMIN': male ? 'M' : 'F',
      'JENIS PEGAWAI NAMA': 'PNS Daerah Provinsi',
      'GOL AKHIR NAMA': defect === 'golongan' ? 'V/z' : 'III/b',
      'UNOR ID': defect === 'unit' ? 'TIDAK-ADA' : unitCode,
      'JABATAN ID': positionCode,
      'TMT CPNS': '01-01-2010',
      EMAIL: `pegawai${seq}@sultengprov.go.id`,
      'NOMOR HP': '',
    };
    return HEADER.map((h) => values[h]).join(',');
  });
  return [HEADER.join(','), ...lines].join('\n') + '\n';
}

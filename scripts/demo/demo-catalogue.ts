/**
 * A starting TRK catalogue for the demo's positions (one list per SIAP position type), so an employee
 * of the demo can pick their day's work from a list. Names, output units and standard minutes are
 * examples in the style of Jabar's TRK lists; each OPD's operators replace them with their own.
 */
export const DEMO_CATALOGUE: {
  code: string;
  name: string;
  outputUnit: string;
  standardMinutes: number;
  evidenceRequired: boolean;
  positionType: 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';
}[] = [
  {
    code: 'STR-RAPAT-KOORDINASI',
    name: 'Memimpin rapat koordinasi',
    outputUnit: 'rapat',
    standardMinutes: 90,
    evidenceRequired: true,
    positionType: 'STRUKTURAL',
  },
  {
    code: 'STR-PARAF-NASKAH',
    name: 'Memeriksa dan memaraf konsep naskah dinas',
    outputUnit: 'naskah',
    standardMinutes: 15,
    evidenceRequired: false,
    positionType: 'STRUKTURAL',
  },
  {
    code: 'STR-VERIFIKASI-BAWAHAN',
    name: 'Memverifikasi aktivitas harian bawahan',
    outputUnit: 'pegawai',
    standardMinutes: 10,
    evidenceRequired: false,
    positionType: 'STRUKTURAL',
  },
  {
    code: 'STR-MONEV-PROGRAM',
    name: 'Melakukan monitoring dan evaluasi program',
    outputUnit: 'laporan',
    standardMinutes: 120,
    evidenceRequired: false,
    positionType: 'STRUKTURAL',
  },
  {
    code: 'JF-TELAAHAN-STAF',
    name: 'Menyusun telaahan staf',
    outputUnit: 'dokumen',
    standardMinutes: 120,
    evidenceRequired: false,
    positionType: 'FUNGSIONAL',
  },
  {
    code: 'JF-ANALISIS-LAPORAN',
    name: 'Menganalisis data dan menyusun laporan',
    outputUnit: 'laporan',
    standardMinutes: 180,
    evidenceRequired: false,
    positionType: 'FUNGSIONAL',
  },
  {
    code: 'JF-VERIFIKASI-BERKAS',
    name: 'Memverifikasi berkas usulan',
    outputUnit: 'berkas',
    standardMinutes: 30,
    evidenceRequired: false,
    positionType: 'FUNGSIONAL',
  },
  {
    code: 'JF-NARASUMBER',
    name: 'Menjadi narasumber atau fasilitator kegiatan',
    outputUnit: 'kegiatan',
    standardMinutes: 120,
    evidenceRequired: true,
    positionType: 'FUNGSIONAL',
  },
  {
    code: 'JFU-AGENDA-SURAT',
    name: 'Mengagendakan surat masuk dan keluar',
    outputUnit: 'surat',
    standardMinutes: 10,
    evidenceRequired: false,
    positionType: 'PELAKSANA',
  },
  { code: 'JFU-INPUT-DATA', name: 'Memasukkan data ke aplikasi', outputUnit: 'data', standardMinutes: 15, evidenceRequired: false, positionType: 'PELAKSANA' },
  { code: 'JFU-ARSIP', name: 'Menata arsip dokumen', outputUnit: 'berkas', standardMinutes: 20, evidenceRequired: false, positionType: 'PELAKSANA' },
  { code: 'JFU-BAHAN-RAPAT', name: 'Menyiapkan bahan rapat', outputUnit: 'paket', standardMinutes: 60, evidenceRequired: false, positionType: 'PELAKSANA' },
];

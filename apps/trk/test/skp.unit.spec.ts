import {
  BERAKHLAK,
  distributionViolations,
  PREDIKAT_LABEL,
  perilakuRefusal,
  predikatOf,
  unitHeadHasil,
  unitHeadHasilRefusal,
  type DistributionPattern,
  type OrganisationRating,
  type Predikat,
  type Rating,
} from '../src/domain/skp';
import seed from '../src/rules/seed/skp-distribution.json';

const PATTERN = seed.value as DistributionPattern;

describe('the SKP predikat from hasil kerja × perilaku kerja (PermenPANRB 6/2022)', () => {
  it.each<{ hasil: Rating; perilaku: Rating; expected: Predikat }>([
    { hasil: 'DI_ATAS', perilaku: 'DI_BAWAH', expected: 'KURANG' },
    { hasil: 'DI_ATAS', perilaku: 'SESUAI', expected: 'BAIK' },
    { hasil: 'DI_ATAS', perilaku: 'DI_ATAS', expected: 'SANGAT_BAIK' },
    { hasil: 'SESUAI', perilaku: 'DI_BAWAH', expected: 'KURANG' },
    { hasil: 'SESUAI', perilaku: 'SESUAI', expected: 'BAIK' },
    { hasil: 'SESUAI', perilaku: 'DI_ATAS', expected: 'BAIK' },
    { hasil: 'DI_BAWAH', perilaku: 'DI_BAWAH', expected: 'SANGAT_KURANG' },
    { hasil: 'DI_BAWAH', perilaku: 'SESUAI', expected: 'BUTUH_PERBAIKAN' },
    { hasil: 'DI_BAWAH', perilaku: 'DI_ATAS', expected: 'BUTUH_PERBAIKAN' },
  ])('hasil $hasil, perilaku $perilaku: $expected', ({ hasil, perilaku, expected }) => {
    expect(predikatOf(hasil, perilaku)).toBe(expected);
  });

  it('names every predikat in Bahasa Indonesia, Kurang as Kurang/Misconduct', () => {
    expect(Object.values(PREDIKAT_LABEL)).toEqual(['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Kurang']);
  });
});

/** All seven values rated `rating`, with some overridden. */
const rated = (rating: Rating, over: Record<string, Rating> = {}): Record<string, Rating> => ({
  ...Object.fromEntries(BERAKHLAK.map((v) => [v.code, rating])),
  ...over,
});
const without = (code: string, values: Record<string, Rating>) => Object.fromEntries(Object.entries(values).filter(([c]) => c !== code));

describe("a unit head's hasil kerja, which is their unit's rating (SE MenPANRB 3/2023 step 3)", () => {
  it.each<[OrganisationRating, Rating]>([
    ['ISTIMEWA', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ])('an organisation rated %s makes its head %s', (organisation, hasil) => {
    expect(unitHeadHasil(organisation)).toBe(hasil);
    expect(unitHeadHasilRefusal(hasil, organisation, 'DINKES')).toBeNull();
  });

  it('refuses any other hasil, saying which one follows', () => {
    expect(unitHeadHasilRefusal('DI_ATAS', 'BAIK', 'DINKES')).toEqual({
      field: 'hasil',
      message: 'hasil kerja kepala unit mengikuti nilai organisasi unit DINKES (Baik): Sesuai ekspektasi',
    });
  });

  it('refuses it before the organisation is rated', () => {
    expect(unitHeadHasilRefusal('SESUAI', null, 'DINKES')?.message).toBe(
      'hasil kerja kepala unit mengikuti nilai organisasi unit DINKES, yang belum ditetapkan; tetapkan nilai organisasi dahulu',
    );
  });
});

describe('a perilaku kerja rating on the seven BerAKHLAK values', () => {
  it.each<{ case: string; values: Record<string, Rating>; overall: Rating; expected: string }>([
    { case: 'all sesuai, overall sesuai', values: rated('SESUAI'), overall: 'SESUAI', expected: 'accepted' },
    {
      case: 'Kolaboratif not rated',
      values: without('KOLABORATIF', rated('SESUAI')),
      overall: 'SESUAI',
      expected: 'perilaku.KOLABORATIF: nilai Kolaboratif belum dinilai',
    },
    { case: 'nothing rated', values: {}, overall: 'SESUAI', expected: 'perilaku.BERORIENTASI_PELAYANAN: nilai Berorientasi Pelayanan belum dinilai' },
    {
      case: 'Loyal rated with an unknown rating',
      values: rated('SESUAI', { LOYAL: 'BAGUS' as Rating }),
      overall: 'SESUAI',
      expected: 'perilaku.LOYAL: nilai Loyal belum dinilai',
    },
    {
      case: 'a value that is not BerAKHLAK',
      values: rated('SESUAI', { JUJUR: 'DI_ATAS' }),
      overall: 'SESUAI',
      expected: 'perilaku.JUJUR: bukan salah satu nilai BerAKHLAK',
    },
    {
      case: 'overall di atas with no value di atas',
      values: rated('SESUAI'),
      overall: 'DI_ATAS',
      expected: 'perilaku: perilaku Di atas ekspektasi memerlukan sedikitnya satu nilai BerAKHLAK di atas ekspektasi',
    },
    { case: 'overall di atas with Adaptif di atas', values: rated('SESUAI', { ADAPTIF: 'DI_ATAS' }), overall: 'DI_ATAS', expected: 'accepted' },
    {
      case: 'overall di bawah with no value di bawah',
      values: rated('DI_ATAS'),
      overall: 'DI_BAWAH',
      expected: 'perilaku: perilaku Di bawah ekspektasi memerlukan sedikitnya satu nilai BerAKHLAK di bawah ekspektasi',
    },
    { case: 'overall di bawah with Akuntabel di bawah', values: rated('SESUAI', { AKUNTABEL: 'DI_BAWAH' }), overall: 'DI_BAWAH', expected: 'accepted' },
    {
      case: 'overall sesuai over mixed values (the atasan judges)',
      values: rated('SESUAI', { KOMPETEN: 'DI_ATAS', HARMONIS: 'DI_BAWAH' }),
      overall: 'SESUAI',
      expected: 'accepted',
    },
    {
      case: 'overall di atas with one value di atas and six di bawah',
      values: rated('DI_BAWAH', { LOYAL: 'DI_ATAS' }),
      overall: 'DI_ATAS',
      expected: 'accepted',
    },
  ])('$case: $expected', ({ values, overall, expected }) => {
    const refusal = perilakuRefusal(values, overall);
    expect(refusal ? `${refusal.field}: ${refusal.message}` : 'accepted').toBe(expected);
  });

  it('rates the seven values of BerAKHLAK', () => {
    expect(BERAKHLAK.map((v) => v.label)).toEqual(['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif']);
  });
});

/** "SANGAT_BAIK:2 BAIK:1" → counts per predikat. */
const countsOf = (text: string): Partial<Record<Predikat, number>> =>
  Object.fromEntries(text.split(' ').map((pair) => [pair.split(':')[0], Number(pair.split(':')[1])]));

describe('the distribution of predikat in a unit, against the seeded SE MenPANRB 3/2023 pattern', () => {
  it.each<{ organisation: OrganisationRating; counts: string; expected: string[] }>([
    { organisation: 'ISTIMEWA', counts: 'SANGAT_BAIK:2 BAIK:1', expected: [] },
    { organisation: 'ISTIMEWA', counts: 'SANGAT_BAIK:3', expected: ['Sangat Baik paling banyak 2 dari 3 pegawai (70%), ada 3'] },
    { organisation: 'ISTIMEWA', counts: 'SANGAT_BAIK:7 BAIK:2 SANGAT_KURANG:1', expected: [] },
    { organisation: 'ISTIMEWA', counts: 'SANGAT_BAIK:8 BAIK:2', expected: ['Sangat Baik paling banyak 7 dari 10 pegawai (70%), ada 8'] },
    { organisation: 'BAIK', counts: 'BAIK:7 BUTUH_PERBAIKAN:1 SANGAT_BAIK:2', expected: [] },
    { organisation: 'BAIK', counts: 'BAIK:8 KURANG:1 SANGAT_BAIK:1', expected: ['Baik paling banyak 7 dari 10 pegawai (70%), ada 8'] },
    { organisation: 'BAIK', counts: 'BAIK:2 KURANG:1', expected: [] },
    {
      organisation: 'BAIK',
      counts: 'BAIK:2 SANGAT_BAIK:1',
      expected: ['Butuh Perbaikan dan/atau Kurang/Misconduct harus ada sedikitnya 1 dari 3 pegawai, ada 0'],
    },
    {
      organisation: 'BAIK',
      counts: 'BAIK:3',
      expected: ['Baik paling banyak 2 dari 3 pegawai (70%), ada 3', 'Butuh Perbaikan dan/atau Kurang/Misconduct harus ada sedikitnya 1 dari 3 pegawai, ada 0'],
    },
    { organisation: 'BUTUH_PERBAIKAN', counts: 'BUTUH_PERBAIKAN:2 BAIK:1', expected: [] },
    { organisation: 'BUTUH_PERBAIKAN', counts: 'BUTUH_PERBAIKAN:1 BAIK:2', expected: ['Butuh Perbaikan paling sedikit 2 dari 3 pegawai (60%), ada 1'] },
    { organisation: 'BUTUH_PERBAIKAN', counts: 'BUTUH_PERBAIKAN:2 SANGAT_BAIK:1', expected: ['Sangat Baik paling banyak 0 dari 3 pegawai (10%), ada 1'] },
    { organisation: 'BUTUH_PERBAIKAN', counts: 'BUTUH_PERBAIKAN:6 SANGAT_BAIK:1 BAIK:3', expected: [] },
    {
      organisation: 'BUTUH_PERBAIKAN',
      counts: 'BUTUH_PERBAIKAN:6 SANGAT_BAIK:2 KURANG:2',
      expected: ['Sangat Baik paling banyak 1 dari 10 pegawai (10%), ada 2'],
    },
    { organisation: 'KURANG', counts: 'KURANG:2 BUTUH_PERBAIKAN:1', expected: [] },
    { organisation: 'KURANG', counts: 'KURANG:2 BAIK:1', expected: ['Butuh Perbaikan paling sedikit 1 dari 3 pegawai (10%), ada 0'] },
    { organisation: 'KURANG', counts: 'KURANG:6 BUTUH_PERBAIKAN:1 SANGAT_BAIK:1 BAIK:2', expected: [] },
    { organisation: 'KURANG', counts: 'KURANG:5 BUTUH_PERBAIKAN:1 BAIK:4', expected: ['Kurang/Misconduct paling sedikit 6 dari 10 pegawai (60%), ada 5'] },
    {
      organisation: 'KURANG',
      counts: 'KURANG:7 BUTUH_PERBAIKAN:1 SANGAT_BAIK:3',
      expected: ['Butuh Perbaikan paling sedikit 2 dari 11 pegawai (10%), ada 1', 'Sangat Baik paling banyak 1 dari 11 pegawai (10%), ada 3'],
    },
    { organisation: 'SANGAT_KURANG', counts: 'SANGAT_KURANG:2 KURANG:1', expected: [] },
    { organisation: 'SANGAT_KURANG', counts: 'SANGAT_KURANG:2 BUTUH_PERBAIKAN:1', expected: [] },
    {
      organisation: 'SANGAT_KURANG',
      counts: 'SANGAT_KURANG:2 SANGAT_BAIK:1',
      expected: ['Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 1 dari 3 pegawai (10%), ada 0', 'Sangat Baik tidak boleh ada, ada 1'],
    },
    { organisation: 'SANGAT_KURANG', counts: 'SANGAT_KURANG:6 KURANG:3 BAIK:1', expected: [] },
    { organisation: 'SANGAT_KURANG', counts: 'SANGAT_KURANG:5 KURANG:5', expected: ['Sangat Kurang paling sedikit 6 dari 10 pegawai (60%), ada 5'] },
  ])('$organisation organisation, $counts: $expected', ({ organisation, counts, expected }) => {
    expect(distributionViolations(PATTERN[organisation], countsOf(counts)).map((v) => v.message)).toEqual(expected);
  });

  it('reports the rule, the allowed count and the actual count of a violation', () => {
    expect(distributionViolations(PATTERN.SANGAT_KURANG, { SANGAT_KURANG: 1, BAIK: 2 })).toEqual([
      { predikat: ['SANGAT_KURANG'], rule: 'min', limit: 2, actual: 1, message: 'Sangat Kurang paling sedikit 2 dari 3 pegawai (60%), ada 1' },
      {
        predikat: ['KURANG', 'BUTUH_PERBAIKAN'],
        rule: 'min',
        limit: 1,
        actual: 0,
        message: 'Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 1 dari 3 pegawai (10%), ada 0',
      },
    ]);
  });

  it('has nothing to check in a unit with nobody rated', () => {
    expect(distributionViolations(PATTERN.BAIK, {})).toEqual([]);
  });
});

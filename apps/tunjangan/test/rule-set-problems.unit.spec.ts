import { ruleSetProblems, type TppRuleSet } from '../src/domain/tpp-rule-set';
import { tppRuleSetProblems } from '../src/rules/rule-set-problems';
import seed from '../src/rules/seed/tpp-rule-set.json';

const base = seed as TppRuleSet;
const broken = (value: Record<string, unknown>, set: Partial<TppRuleSet> = {}): TppRuleSet => ({ ...base, ...set, value: { ...base.value, ...value } });

/** Every finding the domain can make at once. */
const EVERY_FINDING = broken(
  {
    ceilingByKelas: { 1: 0 },
    ceilingOverrideByJabatan: { 'BKD-KABAN': -1 },
    components: [
      { code: 'KINERJA', weightPercent: 60.5 },
      { code: 'KINERJA', weightPercent: 60 },
    ],
    statusFactors: { CPNS: 2 },
    penalties: { ...base.value.penalties, combinedCapPercent: 101, HUKDIS_SEDANG: { percent: 25, monthsAllowed: [0] } },
    bpjs: { ...base.value.bpjs, employerPercent: 101, cap: 0.5 },
  },
  { effectiveFrom: '2026-7-1', effectiveTo: '2000-01-01' },
);

describe('rule set problems in Bahasa Indonesia', () => {
  it('names the field of every finding of the domain, in Bahasa Indonesia', () => {
    expect(ruleSetProblems(EVERY_FINDING)).toEqual([
      { field: 'effectiveFrom', message: 'harus berupa tanggal YYYY-MM-DD' },
      { field: 'effectiveTo', message: 'tidak boleh sebelum tanggal mulai berlaku (effectiveFrom)' },
      { field: 'value.ceilingByKelas.1', message: 'pagu harus rupiah bulat lebih dari 0' },
      { field: 'value.ceilingOverrideByJabatan.BKD-KABAN', message: 'pagu harus rupiah bulat lebih dari 0' },
      { field: 'value.components', message: 'kode komponen tidak boleh berulang dan harus di antara KINERJA, DISIPLIN' },
      { field: 'value.components', message: 'bobot komponen harus persen bulat, 0 atau lebih' },
      { field: 'value.components', message: 'jumlah bobot komponen harus 100' },
      { field: 'value.statusFactors.CPNS', message: 'faktor status harus antara 0 dan 1' },
      { field: 'value.penalties', message: 'persentase hukuman dan batas gabungannya harus antara 0 dan 100' },
      { field: 'value.penalties.HUKDIS_SEDANG.monthsAllowed', message: 'lama hukuman harus bulan bulat lebih dari 0' },
      { field: 'value.bpjs', message: 'tarif BPJS harus antara 0 dan 100 persen' },
      { field: 'value.bpjs.cap', message: 'batas atas BPJS harus rupiah bulat lebih dari 0' },
    ]);
  });

  it('accepts the seed', () => expect(tppRuleSetProblems(base.effectiveFrom, null, base.value)).toEqual([]));

  it.each([
    ['a missing section', { ...base.value, pph: undefined }, { field: 'value.pph', message: 'wajib ada' }],
    ['an unknown field', { ...base.value, bonus: 1 }, { field: 'value.bonus', message: 'tidak dikenal' }],
    [
      'a percent as text',
      broken({ bpjs: { ...base.value.bpjs, employeePercent: '1' } }).value,
      { field: 'value.bpjs.employeePercent', message: 'harus berupa angka' },
    ],
    [
      'an unknown component',
      broken({ components: [{ code: 'BONUS', weightPercent: 100 }] }).value,
      { field: 'value.components[0].code', message: 'harus salah satu dari KINERJA, DISIPLIN' },
    ],
    ['a kelas out of range', broken({ ceilingByKelas: { 0: 1 } }).value, { field: 'value.ceilingByKelas.0', message: 'nama kunci tidak dikenal' }],
    ['a text instead of the set', 'semua', { field: 'value', message: 'harus berupa objek' }],
  ])('names the field of %s', (_case, value, problem) => expect(tppRuleSetProblems('2026-07-01', null, value)).toContainEqual(problem));
});

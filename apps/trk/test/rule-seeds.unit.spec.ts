import type { CatalogueActivity } from '../src/domain/catalogue-activity';
import { minutesRefusal } from '../src/domain/entry-minutes';
import catalogueSeed from '../src/rules/seed/teacher-catalogue.json';
import weightsSeed from '../src/rules/seed/score-weights.json';
import distributionSeed from '../src/rules/seed/skp-distribution.json';

const TEACHER: CatalogueActivity[] = catalogueSeed.value.GURU;

describe('the seeded rules hold together', () => {
  it("splits the teachers' month 48/13/10/16/13 over the five groups", () => {
    const shares = new Map(TEACHER.map((a) => [a.group, a.share]));
    expect(Object.fromEntries(shares)).toEqual({ MENGAJAR: 48, PERENCANAAN: 13, PENILAIAN: 10, BIMBINGAN: 16, TUGAS_TAMBAHAN: 13 });
    expect([...shares.values()].reduce((total, share) => total! + share!, 0)).toBe(100);
    expect(TEACHER.every((a) => a.share === shares.get(a.group))).toBe(true);
  });

  it.each(TEACHER.map((a) => [a.code, a.standardMinutes, a]))('%s: one output of %d standard minutes fits in a working day', (_code, _minutes, activity) => {
    const { standardMinutes } = activity as CatalogueActivity;
    expect(minutesRefusal({ quantity: 1, minutes: standardMinutes, standardMinutes, dayMinutesSoFar: 0, workingMinutes: 450 })).toBeNull();
  });

  it('gives every catalogue activity its own code', () => {
    expect(new Set(TEACHER.map((a) => a.code)).size).toBe(TEACHER.length);
  });

  it.each(Object.entries(weightsSeed.value))('weighs the %s score components to 100%%', (_type, weights) => {
    expect(weights.activity + weights.target + weights.subordinates).toBe(100);
  });

  it('has a distribution pattern for every organisation rating', () => {
    expect(Object.keys(distributionSeed.value).sort()).toEqual(['BAIK', 'BUTUH_PERBAIKAN', 'ISTIMEWA', 'KURANG', 'SANGAT_KURANG']);
  });
});

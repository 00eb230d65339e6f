import { distributionLimits } from '../src/domain/skp-limits';
import { distributionViolations, type OrganisationRating, type Predikat } from '../src/domain/skp';
import seed from '../src/rules/seed/skp-distribution.json';

const PATTERN = seed.value as Record<OrganisationRating, Parameters<typeof distributionLimits>[0]>;
const counts = (c: Partial<Record<Predikat, number>>) => c;

describe('what a pattern allows a unit of its size', () => {
  it.each<{ case: string; rating: OrganisationRating; counts: Partial<Record<Predikat, number>>; expected: [string, number | null, number | null, number][] }>([
    {
      case: 'Istimewa, 3 employees: at most 2 Sangat Baik (70% of 3 rounds down)',
      rating: 'ISTIMEWA',
      counts: counts({ SANGAT_BAIK: 3 }),
      expected: [['Sangat Baik', 2, null, 3]],
    },
    {
      case: 'Baik, 10 employees: at most 7 Baik, at least one Butuh Perbaikan and/or Kurang',
      rating: 'BAIK',
      counts: counts({ BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 }),
      expected: [
        ['Baik', 7, null, 7],
        ['Butuh Perbaikan dan/atau Kurang/Misconduct', null, 1, 1],
      ],
    },
    {
      case: 'Kurang, 11 employees: 60% rounds up to 7, 10% up to 2, 10% down to 1',
      rating: 'KURANG',
      counts: counts({ KURANG: 7, BUTUH_PERBAIKAN: 2, BAIK: 2 }),
      expected: [
        ['Kurang/Misconduct', null, 7, 7],
        ['Butuh Perbaikan', null, 2, 2],
        ['Sangat Baik', 1, null, 0],
      ],
    },
    {
      case: 'Sangat Kurang: no Sangat Baik at all',
      rating: 'SANGAT_KURANG',
      counts: counts({ SANGAT_KURANG: 5 }),
      expected: [
        ['Sangat Kurang', null, 3, 5],
        ['Kurang/Misconduct dan/atau Butuh Perbaikan', null, 1, 0],
        ['Sangat Baik', 0, null, 0],
      ],
    },
  ])('$case', ({ rating, counts: c, expected }) => {
    expect(distributionLimits(PATTERN[rating], c).map((l) => [l.label, l.most, l.least, l.actual])).toEqual(expected);
  });

  it('agrees with distributionViolations on every limit it reports broken', () => {
    for (const rating of Object.keys(PATTERN) as OrganisationRating[]) {
      for (const n of [1, 3, 7, 10, 11, 33]) {
        const c = counts({ SANGAT_BAIK: Math.ceil(n / 2), BAIK: Math.floor(n / 2) });
        const broken = distributionLimits(PATTERN[rating], c).filter((l) => (l.most !== null && l.actual > l.most) || (l.least !== null && l.actual < l.least));
        expect(broken.map((l) => l.predikat)).toEqual(distributionViolations(PATTERN[rating], c).map((v) => v.predikat));
      }
    }
  });
});

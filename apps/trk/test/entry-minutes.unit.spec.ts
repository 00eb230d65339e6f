import { minutesRefusal, type EntryMinutesFacts } from '../src/domain/entry-minutes';

/** Monday–Thursday 07:30–16:00. */
const WORKING_MINUTES = 510;
const entry = (over: Partial<EntryMinutesFacts>): EntryMinutesFacts => ({
  quantity: 1,
  minutes: 60,
  standardMinutes: 60,
  dayMinutesSoFar: 0,
  workingMinutes: WORKING_MINUTES,
  ...over,
});

describe('the minutes of an entry', () => {
  it.each<{ case: string; entry: EntryMinutesFacts; expected: string }>([
    { case: 'exactly the standard for one output', entry: entry({}), expected: 'allowed' },
    {
      case: 'a minute above the standard for one output',
      entry: entry({ minutes: 61 }),
      expected: 'melebihi waktu standar: paling banyak 60 menit (1 × 60 menit)',
    },
    { case: 'exactly the standard for three outputs', entry: entry({ quantity: 3, minutes: 180 }), expected: 'allowed' },
    {
      case: 'above the standard for three outputs',
      entry: entry({ quantity: 3, minutes: 181 }),
      expected: 'melebihi waktu standar: paling banyak 180 menit (3 × 60 menit)',
    },
    {
      case: 'above a large standard, written with a thousands dot',
      entry: entry({ quantity: 2, minutes: 1300, standardMinutes: 600, workingMinutes: 2000 }),
      expected: 'melebihi waktu standar: paling banyak 1.200 menit (2 × 600 menit)',
    },
    { case: 'a free-text entry has no standard', entry: entry({ minutes: 300, standardMinutes: null }), expected: 'allowed' },
    { case: 'filling the day exactly', entry: entry({ minutes: 60, dayMinutesSoFar: 450 }), expected: 'allowed' },
    {
      case: 'a minute beyond the day',
      entry: entry({ minutes: 60, dayMinutesSoFar: 451 }),
      expected: 'jumlah menit hari itu melebihi jam kerja (510 menit); sisa 59 menit',
    },
    {
      case: 'a free-text entry beyond the day',
      entry: entry({ minutes: 600, standardMinutes: null }),
      expected: 'jumlah menit hari itu melebihi jam kerja (510 menit); sisa 510 menit',
    },
    {
      case: 'a day already full',
      entry: entry({ minutes: 15, standardMinutes: 30, dayMinutesSoFar: 510 }),
      expected: 'jumlah menit hari itu melebihi jam kerja (510 menit); sisa 0 menit',
    },
    {
      case: 'above the standard and beyond the day: the standard is named first',
      entry: entry({ minutes: 120, dayMinutesSoFar: 500 }),
      expected: 'melebihi waktu standar: paling banyak 60 menit (1 × 60 menit)',
    },
  ])('$case: $expected', ({ entry, expected }) => {
    const refusal = minutesRefusal(entry);
    if (refusal) expect(refusal.field).toBe('minutes');
    expect(refusal?.message ?? 'allowed').toBe(expected);
  });
});

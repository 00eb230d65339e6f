import { entryRefusal, type BackdatingWindow, type EntryDateFacts } from '../src/domain/entry-window';

const TODAY = '2026-08-12'; // a Wednesday
/** 15:30 WITA (UTC+8) on TODAY. */
const NOW = new Date('2026-08-12T07:30:00Z');
const SIXTEEN = 16 * 60;
/** Opened by an admin for the first ten days of August, from this morning until Friday 00:00 WITA. */
const OPEN_WINDOW: BackdatingWindow = {
  from: '2026-08-01',
  to: '2026-08-10',
  opensAt: new Date('2026-08-12T00:00:00Z'),
  closesAt: new Date('2026-08-13T16:00:00Z'),
};
const facts = (over: Partial<EntryDateFacts>): EntryDateFacts => ({
  date: TODAY,
  today: TODAY,
  nowMinute: 15 * 60 + 30,
  cutoffMinute: SIXTEEN,
  workingDay: true,
  windows: [],
  now: NOW,
  ...over,
});

const CUT_OFF_PASSED = 'batas pengisian 16:00 WITA telah lewat';
const PAST_WITHOUT_WINDOW = 'hanya hari kerja hari ini yang dapat diisi, sebelum pukul 16:00 WITA; tanggal yang lalu hanya dalam masa pengisian susulan';

describe('the date an activity may be entered for', () => {
  it.each<{ case: string; facts: EntryDateFacts; expected: string }>([
    { case: 'today at 15:59:59 (minute 959), cut-off 16:00', facts: facts({ nowMinute: 959 }), expected: 'allowed' },
    { case: 'today at 16:00:00 (minute 960), cut-off 16:00', facts: facts({ nowMinute: 960 }), expected: CUT_OFF_PASSED },
    { case: 'today at 16:29 with a Friday cut-off of 16:30', facts: facts({ nowMinute: 989, cutoffMinute: 990 }), expected: 'allowed' },
    {
      case: 'today at 16:30 with a Friday cut-off of 16:30',
      facts: facts({ nowMinute: 990, cutoffMinute: 990 }),
      expected: 'batas pengisian 16:30 WITA telah lewat',
    },
    { case: 'today at 07:05 with a cut-off of 07:05', facts: facts({ nowMinute: 425, cutoffMinute: 425 }), expected: 'batas pengisian 07:05 WITA telah lewat' },
    { case: 'yesterday without a window', facts: facts({ date: '2026-08-11' }), expected: PAST_WITHOUT_WINDOW },
    { case: 'a date inside an open window', facts: facts({ date: '2026-08-10', windows: [OPEN_WINDOW] }), expected: 'allowed' },
    { case: 'the first day of an open window', facts: facts({ date: '2026-08-01', windows: [OPEN_WINDOW] }), expected: 'allowed' },
    { case: 'a date just outside an open window', facts: facts({ date: '2026-08-11', windows: [OPEN_WINDOW] }), expected: PAST_WITHOUT_WINDOW },
    {
      case: 'a date inside a window at the instant it opens',
      facts: facts({ date: '2026-08-10', windows: [OPEN_WINDOW], now: OPEN_WINDOW.opensAt }),
      expected: 'allowed',
    },
    {
      case: 'a date inside a window a second before it opens',
      facts: facts({ date: '2026-08-10', windows: [OPEN_WINDOW], now: new Date(OPEN_WINDOW.opensAt.getTime() - 1000) }),
      expected: 'masa pengisian susulan untuk tanggal ini belum dibuka',
    },
    {
      case: 'a date inside a window at the instant it closes',
      facts: facts({ date: '2026-08-10', today: '2026-08-14', windows: [OPEN_WINDOW], now: OPEN_WINDOW.closesAt }),
      expected: 'masa pengisian susulan untuk tanggal ini telah ditutup',
    },
    {
      case: 'a date inside a window a millisecond before it closes',
      facts: facts({ date: '2026-08-10', today: '2026-08-13', windows: [OPEN_WINDOW], now: new Date(OPEN_WINDOW.closesAt.getTime() - 1) }),
      expected: 'allowed',
    },
    {
      case: 'today after the cut-off, inside an open window',
      facts: facts({ nowMinute: 1000, windows: [{ ...OPEN_WINDOW, to: TODAY }] }),
      expected: 'allowed',
    },
    { case: 'tomorrow', facts: facts({ date: '2026-08-13' }), expected: 'tanggal yang akan datang tidak dapat diisi; kegiatan dicatat setelah dikerjakan' },
    {
      case: 'tomorrow, even inside an open window',
      facts: facts({ date: '2026-08-13', windows: [{ ...OPEN_WINDOW, to: '2026-08-31' }] }),
      expected: 'tanggal yang akan datang tidak dapat diisi; kegiatan dicatat setelah dikerjakan',
    },
    {
      case: 'today, a holiday, before the cut-off',
      facts: facts({ workingDay: false }),
      expected: 'hari ini bukan hari kerja; kegiatan hanya dapat diisi pada hari kerja atau dalam masa pengisian susulan',
    },
    {
      case: 'today, a holiday, inside an open window',
      facts: facts({ workingDay: false, windows: [{ ...OPEN_WINDOW, to: TODAY }] }),
      expected: 'allowed',
    },
    { case: 'last Saturday without a window', facts: facts({ date: '2026-08-08', workingDay: false }), expected: PAST_WITHOUT_WINDOW },
    { case: 'last Saturday inside an open window', facts: facts({ date: '2026-08-08', workingDay: false, windows: [OPEN_WINDOW] }), expected: 'allowed' },
  ])('$case: $expected', ({ facts, expected }) => {
    const refusal = entryRefusal(facts);
    if (refusal) expect(refusal.field).toBe('date');
    expect(refusal?.message ?? 'allowed').toBe(expected);
  });
});

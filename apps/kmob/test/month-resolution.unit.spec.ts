import type { DisciplineRules } from '../src/domain/discipline-rules';
import type { EffectiveRule } from '../src/domain/effective-rules';
import { resolveEmployeeMonth, summariseEmployeeMonth, type CalendarView, type EmployeeMonthFacts } from '../src/domain/month-resolution';
import seed from '../src/rules/seed/discipline-rules.json';

const RULES = seed as EffectiveRule<DisciplineRules>[];
/** 3–14 August 2026: two working weeks; the weekend of the 8th and 9th is off. */
const DATES = Array.from({ length: 12 }, (_, i) => `2026-08-${String(3 + i).padStart(2, '0')}`);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const CALENDAR: CalendarView = {
  schedule: (_unit, date) => (weekday(date) === 0 || weekday(date) === 6 ? null : { start: '07:30', end: '16:00' }),
  holiday: () => undefined,
};
type Mark = { firstIn: number | null; lastOut: number | null };
const ON_TIME: Mark = { firstIn: 7 * 60 + 20, lastOut: 16 * 60 + 5 };
const atWork = (dates: string[], except: Record<string, Mark> = {}) =>
  new Map<string, Mark>([...dates.filter((d) => weekday(d) % 6 !== 0 && !(d in except)).map((d): [string, Mark] => [d, ON_TIME]), ...Object.entries(except)]);
const BKD = { validFrom: '2015-03-01', unitCode: 'BKD', unitPath: ['BKD'] };
/** Moved to DINKES from the 10th; absent once before (the 6th) and twice after (the 11th and 12th). */
const MUTASI: EmployeeMonthFacts = {
  spells: [BKD, { validFrom: '2026-08-10', unitCode: 'DINKES', unitPath: ['DINKES'] }],
  marks: new Map([...atWork(DATES)].filter(([d]) => !['2026-08-06', '2026-08-11', '2026-08-12'].includes(d))),
  approved: [],
};

interface Case {
  name: string;
  facts: EmployeeMonthFacts;
  capPercent?: number;
  today?: string;
  expected: { statuses: string; deductionPercent: number; units: { unitCode: string; workingDays: number; deductionPercent: number }[] };
}

const CASES: Case[] = [
  {
    name: 'on time every working day',
    facts: { spells: [BKD], marks: atWork(DATES), approved: [] },
    expected: { statuses: 'H H H H H L L H H H H H', deductionPercent: 0, units: [{ unitCode: 'BKD', workingDays: 10, deductionPercent: 0 }] },
  },
  {
    name: '15 minutes late once, absent once, on leave twice',
    facts: {
      spells: [BKD],
      marks: atWork(DATES, { '2026-08-04': { firstIn: 7 * 60 + 45, lastOut: ON_TIME.lastOut } }).set('2026-08-05', { firstIn: null, lastOut: null }),
      approved: [
        { type: 'CUTI_TAHUNAN', start: '2026-08-13', end: '2026-08-14' },
        { type: 'WFH', start: '2026-08-10', end: '2026-08-10' },
      ],
    },
    expected: { statuses: 'H TL1 TK H H L L H H H C C', deductionPercent: 3.5, units: [{ unitCode: 'BKD', workingDays: 10, deductionPercent: 3.5 }] },
  },
  {
    name: 'a mutasi to DINKES from the 10th: each unit keeps its own days and share',
    facts: MUTASI,
    expected: {
      statuses: 'H H H TK H L L H TK TK H H',
      deductionPercent: 9,
      units: [
        { unitCode: 'BKD', workingDays: 5, deductionPercent: 3 },
        { unitCode: 'DINKES', workingDays: 5, deductionPercent: 6 },
      ],
    },
  },
  {
    name: 'the cap of 6% spread over the units in proportion to their deductions',
    capPercent: 6,
    facts: MUTASI,
    expected: {
      statuses: 'H H H TK H L L H TK TK H H',
      deductionPercent: 6,
      units: [
        { unitCode: 'BKD', workingDays: 5, deductionPercent: 2 },
        { unitCode: 'DINKES', workingDays: 5, deductionPercent: 4 },
      ],
    },
  },
  {
    name: 'appointed (TMT CPNS) on the 10th and retired from the 13th',
    facts: {
      spells: [
        { ...BKD, validFrom: '2026-08-10' },
        { validFrom: '2026-08-13', unitCode: null, unitPath: null },
      ],
      marks: atWork(DATES),
      approved: [],
    },
    expected: { statuses: 'H H H', deductionPercent: 0, units: [{ unitCode: 'BKD', workingDays: 3, deductionPercent: 0 }] },
  },
  {
    name: 'today still open: in without a check-out costs nothing yet',
    today: '2026-08-14',
    facts: { spells: [BKD], marks: atWork(DATES, { '2026-08-14': { firstIn: ON_TIME.firstIn, lastOut: null } }), approved: [] },
    expected: { statuses: 'H H H H H L L H H H H H', deductionPercent: 0, units: [{ unitCode: 'BKD', workingDays: 10, deductionPercent: 0 }] },
  },
  {
    name: 'today still open: nothing yet says nothing',
    today: '2026-08-14',
    facts: { spells: [BKD], marks: new Map([...atWork(DATES)].filter(([d]) => d !== '2026-08-14')), approved: [] },
    expected: { statuses: 'H H H H H L L H H H H', deductionPercent: 0, units: [{ unitCode: 'BKD', workingDays: 9, deductionPercent: 0 }] },
  },
];

describe('a month resolved from its facts', () => {
  it.each(CASES.map((c) => [c.name, c.expected.statuses, c.expected.deductionPercent, c]))('%s: %s, %d% deducted', (_name, _statuses, _percent, c) => {
    const { facts, capPercent, today, expected } = c as Case;
    const rules = capPercent === undefined ? RULES : RULES.map((r) => ({ ...r, value: { ...r.value, monthlyCapPercent: capPercent } }));
    const days = resolveEmployeeMonth(facts, DATES, CALENDAR, rules, today);
    const outcome = summariseEmployeeMonth(days, rules[0].value);
    expect(days.map((d) => d.status).join(' ')).toBe(expected.statuses);
    expect(outcome.deductionPercent).toBe(expected.deductionPercent);
    expect(outcome.units).toEqual(expected.units);
  });
});

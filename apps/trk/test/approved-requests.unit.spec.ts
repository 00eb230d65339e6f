import { REQUEST_TYPES } from '@app/contracts';
import { DAY_STATUS_OF_REQUEST, dayStatusOfRequest, monthsCovered, requestReducingDays, type ApprovedRequest } from '../src/domain/approved-requests';
import { datesOfMonth } from '../src/domain/score-facts';

/** June 2026 by TRK's calendar: weekends, 1 June (Pancasila) and 16 June (Islamic New Year) off; 20 working days. */
const HOLIDAYS = new Set(['2026-06-01', '2026-06-16']);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const JUNE_WORKING = datesOfMonth('2026-06').filter((d) => weekday(d) !== 0 && weekday(d) !== 6 && !HOLIDAYS.has(d));
const NORM_RULE = ['C', 'S'];
const request = (type: string, startDate: string, endDate: string): ApprovedRequest => ({ type, startDate, endDate });

describe("the day status K-Mob gives a request's days", () => {
  it.each([
    ['CUTI_TAHUNAN', 'C'],
    ['CUTI_BESAR', 'C'],
    ['CUTI_SAKIT', 'C'],
    ['CUTI_MELAHIRKAN', 'C'],
    ['CUTI_ALASAN_PENTING', 'C'],
    ['CLTN', 'C'],
    ['SAKIT', 'S'],
    ['DINAS_LUAR', 'DL'],
    ['IZIN', 'I'],
    ['WFH', null],
    ['NOT_A_TYPE', null],
  ])('%s gets %p', (type, expected) => {
    expect(dayStatusOfRequest(type)).toBe(expected);
  });

  it("maps every type of K-Mob's contract", () => {
    expect(Object.keys(DAY_STATUS_OF_REQUEST).sort()).toEqual([...REQUEST_TYPES].sort());
  });
});

describe('the working days approved requests take off the norm', () => {
  it.each<{ case: string; requests: ApprovedRequest[]; statuses?: string[]; expected: number }>([
    { case: 'three days of annual leave', requests: [request('CUTI_TAHUNAN', '2026-06-08', '2026-06-10')], expected: 3 },
    { case: 'a leave over a weekend counts its working days only', requests: [request('CUTI_TAHUNAN', '2026-06-11', '2026-06-15')], expected: 3 },
    { case: 'a leave over a holiday counts its working days only', requests: [request('CUTI_BESAR', '2026-06-15', '2026-06-17')], expected: 2 },
    { case: 'sick days and CLTN too', requests: [request('SAKIT', '2026-06-02', '2026-06-02'), request('CLTN', '2026-06-22', '2026-06-23')], expected: 3 },
    { case: 'a leave reaching into July counts its June days', requests: [request('CUTI_TAHUNAN', '2026-06-29', '2026-07-03')], expected: 2 },
    { case: 'a leave from May counts its June days', requests: [request('CUTI_MELAHIRKAN', '2026-05-01', '2026-06-05')], expected: 4 },
    {
      case: 'a day covered twice counts once',
      requests: [request('SAKIT', '2026-06-08', '2026-06-09'), request('CUTI_SAKIT', '2026-06-09', '2026-06-10')],
      expected: 3,
    },
    { case: 'WFH is not leave', requests: [request('WFH', '2026-06-08', '2026-06-12')], expected: 0 },
    { case: 'dinas luar is not listed', requests: [request('DINAS_LUAR', '2026-06-08', '2026-06-12')], expected: 0 },
    { case: 'izin is not listed', requests: [request('IZIN', '2026-06-08', '2026-06-08')], expected: 0 },
    { case: 'dinas luar when the rule lists DL', requests: [request('DINAS_LUAR', '2026-06-08', '2026-06-12')], statuses: ['C', 'S', 'DL'], expected: 5 },
    { case: 'WFH even when a rule lists WFH', requests: [request('WFH', '2026-06-08', '2026-06-12')], statuses: ['C', 'S', 'WFH'], expected: 0 },
  ])('$case: $expected', ({ requests, statuses, expected }) => {
    expect(requestReducingDays(JUNE_WORKING, requests, statuses ?? NORM_RULE)).toBe(expected);
  });

  it('counts only working days in service', () => {
    // Appointed on the 22nd: the leave before it costs nothing.
    const inService = JUNE_WORKING.filter((d) => d >= '2026-06-22');
    expect(requestReducingDays(inService, [request('CUTI_TAHUNAN', '2026-06-18', '2026-06-23')], NORM_RULE)).toBe(2);
  });
});

describe('the months a request touches', () => {
  it.each([
    ['2026-06-08', '2026-06-10', ['2026-06']],
    ['2026-06-29', '2026-07-03', ['2026-06', '2026-07']],
    ['2026-11-20', '2027-02-05', ['2026-11', '2026-12', '2027-01', '2027-02']],
  ])('%s to %s touches %p', (start, end, expected) => {
    expect(monthsCovered(start, end)).toEqual(expected);
  });
});

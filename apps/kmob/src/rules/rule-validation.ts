import { REQUEST_TYPES } from '@app/contracts';
import type { FieldProblem } from '@app/service-kit';

/** The kinds of effective-dated rules K-Mob keeps; `schedule` may also be set per unit. */
export const RULE_KINDS = ['discipline', 'annual-leave', 'leave-types', 'schedule', 'offline-check-in'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const LIMITED_TYPES: readonly string[] = REQUEST_TYPES;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Check = (value: unknown, field: string, problems: FieldProblem[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function number(min: number, max = Infinity, integer = false): Check {
  return (v, field, problems) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) {
      problems.push({ field, message: `harus ${integer ? 'bilangan bulat' : 'angka'} ${max === Infinity ? `≥ ${min}` : `antara ${min} dan ${max}`}` });
    }
  };
}

function bands(v: unknown, field: string, problems: FieldProblem[]): void {
  if (!Array.isArray(v) || v.length === 0) return void problems.push({ field, message: 'harus berupa daftar pita potongan yang tidak kosong' });
  let next = 1;
  v.forEach((band: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isObject(band)) return void problems.push({ field: f, message: 'harus berupa objek {code, fromMinute, toMinute, percent}' });
    if (typeof band.code !== 'string' || !/^[A-Z0-9]{1,10}$/.test(band.code))
      problems.push({ field: `${f}.code`, message: 'harus kode huruf besar, mis. TL1' });
    if (band.fromMinute !== next) problems.push({ field: `${f}.fromMinute`, message: `harus ${next} (pita harus bersambung mulai menit ke-1)` });
    const last = i === v.length - 1;
    if (last ? band.toMinute !== null : !(Number.isInteger(band.toMinute) && (band.toMinute as number) >= (band.fromMinute as number))) {
      problems.push({ field: `${f}.toMinute`, message: last ? 'harus null pada pita terakhir (tanpa batas atas)' : 'harus bilangan bulat ≥ fromMinute' });
    }
    number(0, 100)(band.percent, `${f}.percent`, problems);
    next = typeof band.toMinute === 'number' ? band.toMinute + 1 : next;
  });
}

const CHECKS: Record<RuleKind, Check> = {
  discipline: (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek' });
    bands(v.lateBands, `${field}.lateBands`, problems);
    bands(v.earlyLeaveBands, `${field}.earlyLeaveBands`, problems);
    number(0, 100)(v.absentWithoutLeavePercent, `${field}.absentWithoutLeavePercent`, problems);
    number(0, 100)(v.monthlyCapPercent, `${field}.monthlyCapPercent`, problems);
  },
  'annual-leave': (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek' });
    number(0, 366, true)(v.entitlementDays, `${field}.entitlementDays`, problems);
    number(0, 366, true)(v.maxCarriedOverDays, `${field}.maxCarriedOverDays`, problems);
    number(typeof v.entitlementDays === 'number' ? v.entitlementDays : 0, 366, true)(v.maxBalanceDays, `${field}.maxBalanceDays`, problems);
  },
  'leave-types': (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek per jenis cuti' });
    for (const [type, limit] of Object.entries(v)) {
      const f = `${field}.${type}`;
      if (!LIMITED_TYPES.includes(type)) problems.push({ field: f, message: `jenis permohonan tidak dikenal (${LIMITED_TYPES.join(', ')})` });
      else if (!isObject(limit)) problems.push({ field: f, message: 'harus berupa objek {maxCalendarDays, maxDaysBack, maxDaysAhead, minServiceYears?}' });
      else {
        number(1, 3660, true)(limit.maxCalendarDays, `${f}.maxCalendarDays`, problems);
        number(0, 3660, true)(limit.maxDaysBack, `${f}.maxDaysBack`, problems);
        number(0, 3660, true)(limit.maxDaysAhead, `${f}.maxDaysAhead`, problems);
        if (limit.minServiceYears !== undefined) number(0, 40, true)(limit.minServiceYears, `${f}.minServiceYears`, problems);
      }
    }
  },
  'offline-check-in': (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek {maxDelayMinutes, maxClockAheadSeconds}' });
    number(1, 44_640, true)(v.maxDelayMinutes, `${field}.maxDelayMinutes`, problems);
    number(0, 3_600, true)(v.maxClockAheadSeconds, `${field}.maxClockAheadSeconds`, problems);
  },
  schedule: (v, field, problems) => {
    if (!isObject(v) || !isObject(v.days))
      return void problems.push({ field: `${field}.days`, message: 'harus berupa objek hari kerja 1 (Senin) … 7 (Minggu)' });
    for (const [day, hours] of Object.entries(v.days)) {
      const f = `${field}.days.${day}`;
      if (!/^[1-7]$/.test(day)) problems.push({ field: f, message: 'hari harus 1 (Senin) … 7 (Minggu)' });
      else if (!isObject(hours) || typeof hours.start !== 'string' || typeof hours.end !== 'string' || !TIME.test(hours.start) || !TIME.test(hours.end)) {
        problems.push({ field: f, message: 'harus {start: "HH:MM", end: "HH:MM"}' });
      } else if (hours.end <= hours.start) problems.push({ field: `${f}.end`, message: 'harus setelah jam masuk' });
    }
  },
};

export function ruleProblems(kind: RuleKind, value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  CHECKS[kind](value, 'value', problems);
  return problems;
}

import type { FieldProblem } from '@app/service-kit';
import { ORGANISATION_RATING_LABEL, PREDIKAT_LABEL } from '../domain/skp';
import { UNVERIFIED_AT_CLOSE, type RuleKind } from './rule-kinds';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type Check = (value: unknown, field: string, problems: FieldProblem[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function integer(min: number, max: number): Check {
  return (v, field, problems) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push({ field, message: `harus bilangan bulat antara ${min} dan ${max}` });
  };
}

function onlyKeys(v: Record<string, unknown>, allowed: string[], field: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(v)) if (!allowed.includes(key)) problems.push({ field: `${field}.${key}`, message: 'tidak dikenal' });
}

const cutoff: Check = (v, field, problems) => {
  if (typeof v !== 'string' || !TIME.test(v)) problems.push({ field, message: 'harus berupa jam HH:MM, mis. 16:00' });
};

const PREDIKAT = Object.keys(PREDIKAT_LABEL);
const RATINGS = Object.keys(ORGANISATION_RATING_LABEL);

const CHECKS: Record<RuleKind, Check> = {
  norm: (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek' });
    onlyKeys(v, ['normMinutes', 'reducingStatuses', 'cutoff', 'verificationDeadlineDay', 'unverifiedAtClose'], field, problems);
    integer(1, 44_640)(v.normMinutes, `${field}.normMinutes`, problems);
    if (!Array.isArray(v.reducingStatuses) || !v.reducingStatuses.every((s) => typeof s === 'string' && /^[A-Z0-9]{1,10}$/.test(s)))
      problems.push({ field: `${field}.reducingStatuses`, message: 'harus berupa daftar kode status hari K-Mob, mis. ["C", "S"]' });
    cutoff(v.cutoff, `${field}.cutoff`, problems);
    // The 28th at the latest: every month has it.
    integer(1, 28)(v.verificationDeadlineDay, `${field}.verificationDeadlineDay`, problems);
    if (!UNVERIFIED_AT_CLOSE.includes(v.unverifiedAtClose as never))
      problems.push({ field: `${field}.unverifiedAtClose`, message: `harus ${UNVERIFIED_AT_CLOSE.join(' atau ')}` });
  },
  'score-weights': (v, field, problems) => {
    if (!isObject(v) || Object.keys(v).length === 0) return void problems.push({ field, message: 'harus berupa objek bobot per jenis jabatan' });
    for (const [type, weights] of Object.entries(v)) {
      const f = `${field}.${type}`;
      if (!/^[A-Z][A-Z_]{1,29}$/.test(type)) problems.push({ field: f, message: 'jenis jabatan harus huruf besar, mis. FUNGSIONAL' });
      if (!isObject(weights)) {
        problems.push({ field: f, message: 'harus berupa objek {activity, target, subordinates}' });
        continue;
      }
      onlyKeys(weights, ['activity', 'target', 'subordinates'], f, problems);
      for (const part of ['activity', 'target', 'subordinates']) integer(0, 100)(weights[part], `${f}.${part}`, problems);
      const total = ['activity', 'target', 'subordinates'].reduce((sum, part) => sum + (typeof weights[part] === 'number' ? (weights[part] as number) : 0), 0);
      if (total !== 100) problems.push({ field: f, message: `jumlah bobot harus 100, sekarang ${total}` });
    }
  },
  'skp-distribution': (v, field, problems) => {
    if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek pola per predikat organisasi' });
    for (const rating of RATINGS) if (!(rating in v)) problems.push({ field: `${field}.${rating}`, message: 'wajib ada' });
    for (const [rating, rules] of Object.entries(v)) {
      const f = `${field}.${rating}`;
      if (!RATINGS.includes(rating)) problems.push({ field: f, message: `predikat organisasi tidak dikenal (${RATINGS.join(', ')})` });
      else if (!Array.isArray(rules)) problems.push({ field: f, message: 'harus berupa daftar ketentuan' });
      else
        rules.forEach((rule: unknown, i) => {
          const r = `${f}[${i}]`;
          if (!isObject(rule)) return void problems.push({ field: r, message: 'harus berupa objek {predikat, max?, min?, mustExist?, none?}' });
          onlyKeys(rule, ['predikat', 'max', 'min', 'mustExist', 'none'], r, problems);
          if (!Array.isArray(rule.predikat) || rule.predikat.length === 0 || !rule.predikat.every((p) => PREDIKAT.includes(p as string)))
            problems.push({ field: `${r}.predikat`, message: `harus berupa daftar predikat (${PREDIKAT.join(', ')})` });
          if (rule.max !== undefined) integer(0, 100)(rule.max, `${r}.max`, problems);
          if (rule.min !== undefined) integer(0, 100)(rule.min, `${r}.min`, problems);
          for (const flag of ['mustExist', 'none'])
            if (rule[flag] !== undefined && typeof rule[flag] !== 'boolean') problems.push({ field: `${r}.${flag}`, message: 'harus true atau false' });
        });
    }
  },
  workday: (v, field, problems) => {
    if (!isObject(v) || !isObject(v.days))
      return void problems.push({ field: `${field}.days`, message: 'harus berupa objek hari kerja 1 (Senin) … 7 (Minggu)' });
    onlyKeys(v, ['days'], field, problems);
    for (const [day, hours] of Object.entries(v.days)) {
      const f = `${field}.days.${day}`;
      if (!/^[1-7]$/.test(day)) problems.push({ field: f, message: 'hari harus 1 (Senin) … 7 (Minggu)' });
      else if (!isObject(hours) || typeof hours.start !== 'string' || typeof hours.end !== 'string' || !TIME.test(hours.start) || !TIME.test(hours.end))
        problems.push({ field: f, message: 'harus {start: "HH:MM", end: "HH:MM", workingMinutes}' });
      else if (hours.end <= hours.start) problems.push({ field: `${f}.end`, message: 'harus setelah jam masuk' });
      else integer(1, minutesOf(hours.end) - minutesOf(hours.start))(hours.workingMinutes, `${f}.workingMinutes`, problems);
    }
  },
};

/** A unit's own norm sets only its cut-off; the monthly minutes and the deadline are the province's. */
const unitNorm: Check = (v, field, problems) => {
  if (!isObject(v)) return void problems.push({ field, message: 'harus berupa objek {cutoff}' });
  onlyKeys(v, ['cutoff'], field, problems);
  cutoff(v.cutoff, `${field}.cutoff`, problems);
};

export function ruleProblems(kind: RuleKind, value: unknown, unitScoped: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (kind === 'norm' && unitScoped ? unitNorm : CHECKS[kind])(value, 'value', problems);
  return problems;
}

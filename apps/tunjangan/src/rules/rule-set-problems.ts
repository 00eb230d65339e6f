import type { FieldProblem } from '@app/service-kit';
import Ajv, { type ErrorObject } from 'ajv';
import { ruleSetProblems, type TppRules, type TppRuleSet } from '../domain/tpp-rule-set';
import { TPP_RULES_SCHEMA } from './tpp-rule-set.schema';

const validateShape = new Ajv({ allErrors: true, strict: false }).compile<TppRules>(TPP_RULES_SCHEMA);

const TYPE_NAMES: Record<string, string> = {
  number: 'angka',
  integer: 'bilangan bulat',
  string: 'teks',
  object: 'objek',
  array: 'daftar',
  boolean: 'true atau false',
};

/**
 * A JSON pointer into the submitted value as the field an admin reads: '/penalties/HUKDIS_RINGAN/0/percent'
 * → 'value.penalties.HUKDIS_RINGAN[0].percent'. Brackets only for array items: a kelas key is '5', not [5].
 */
function fieldOf(value: unknown, pointer: string, key?: string): string {
  const parts = [
    ...pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')),
    ...(key === undefined ? [] : [key]),
  ];
  let field = 'value';
  let at: unknown = value;
  for (const part of parts) {
    field += Array.isArray(at) ? `[${part}]` : `.${part}`;
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined;
  }
  return field;
}

function shapeProblem(value: unknown, e: ErrorObject): FieldProblem | null {
  const p = e.params as Record<string, unknown>;
  const fieldAt = (pointer: string, key?: string) => fieldOf(value, pointer, key);
  switch (e.keyword) {
    case 'required':
      return { field: fieldAt(e.instancePath, String(p.missingProperty)), message: 'wajib ada' };
    case 'additionalProperties':
      return { field: fieldAt(e.instancePath, String(p.additionalProperty)), message: 'tidak dikenal' };
    // Reported once more as 'pattern' on the name itself, which says which key it was.
    case 'propertyNames':
      return null;
    case 'type':
      return { field: fieldAt(e.instancePath), message: `harus berupa ${TYPE_NAMES[String(p.type)] ?? String(p.type)}` };
    case 'enum':
      return { field: fieldAt(e.instancePath), message: `harus salah satu dari ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { field: fieldAt(e.instancePath), message: `harus ${String(p.allowedValue)}` };
    case 'pattern':
      return e.propertyName === undefined
        ? { field: fieldAt(e.instancePath), message: 'formatnya tidak dikenal' }
        : { field: fieldAt(e.instancePath, e.propertyName), message: 'nama kunci tidak dikenal' };
    case 'minimum':
    case 'maximum':
      return { field: fieldAt(e.instancePath), message: `harus ${e.keyword === 'minimum' ? 'paling sedikit' : 'paling banyak'} ${String(p.limit)}` };
    case 'minItems':
    case 'maxItems':
    case 'maxProperties':
      return {
        field: fieldAt(e.instancePath),
        message: `jumlahnya harus ${e.keyword.startsWith('min') ? 'paling sedikit' : 'paling banyak'} ${String(p.limit)}`,
      };
    case 'minLength':
    case 'maxLength':
      return {
        field: fieldAt(e.instancePath),
        message: `panjangnya harus ${e.keyword === 'minLength' ? 'paling sedikit' : 'paling banyak'} ${String(p.limit)} karakter`,
      };
    case 'uniqueItems':
      return { field: fieldAt(e.instancePath), message: 'tidak boleh berulang' };
    default:
      return { field: fieldAt(e.instancePath), message: 'tidak sesuai bentuk aturan TPP' };
  }
}

/** What is wrong with a submitted rule set, field by field in Bahasa Indonesia (empty when it can be stored). */
export function tppRuleSetProblems(effectiveFrom: string, effectiveTo: string | null, value: unknown): FieldProblem[] {
  if (!validateShape(value)) return (validateShape.errors ?? []).map((e) => shapeProblem(value, e)).filter((p): p is FieldProblem => p !== null);
  const set: TppRuleSet = { id: '', effectiveFrom, effectiveTo, source: '', value };
  return ruleSetProblems(set);
}

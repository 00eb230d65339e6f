import type { FastifyInstance } from 'fastify';
import { invalid, type FieldProblem, invalidInput } from './errors';
import { jsonSyntaxError } from './json-syntax';

/** Deeper than any body a platform route takes; a client sending more is broken or hostile. */
export const MAX_JSON_DEPTH = 16;
/** Keys that reach an object's prototype when copied or merged; no route takes them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls and DEL; tab, line feed and carriage return are allowed in body text (multi-line reasons). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In paths and queries nothing below the space is allowed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PARAM_CONTROL = /[\u0000-\u001F\u007F]/;
/** A UTF-16 half without its other half: not text, and PostgreSQL cannot store it faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_MESSAGE = 'tidak boleh memuat karakter kendali';

/** Why a string from outside cannot be accepted, or null. `inBody` allows tab and line breaks. */
export function textProblem(value: string, inBody: boolean): string | null {
  if ((inBody ? BODY_CONTROL : PARAM_CONTROL).test(value)) return CONTROL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return 'bukan teks Unicode yang valid';
  return null;
}

/**
 * A client's text as it may be echoed back in a report (a row error naming the NIP it read): control
 * characters and broken surrogates become U+FFFD, and it is cut to `max` characters. PostgreSQL's
 * jsonb cannot even store a NUL.
 */
export function printable(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  return value.slice(0, max).replace(/[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Nesting depth of a JSON text, counted without parsing it, so a hostile body of thousands of levels
 * is refused in linear time before any parser, transformer or validator recurses into it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const fieldName = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** Every string and key of a parsed body checked; the first problems found, each naming its field. */
export function bodyProblems(value: unknown, field = '', problems: FieldProblem[] = []): FieldProblem[] {
  if (problems.length >= 10) return problems;
  if (typeof value === 'string') {
    const problem = textProblem(value, true);
    if (problem) problems.push({ field: field || 'body', message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => bodyProblems(item, fieldName(field, i), problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const name = fieldName(field, key);
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field: name, message: 'nama kolom ini tidak diizinkan' });
      else if (textProblem(key, false))
        problems.push({ field: fieldName(field, JSON.stringify(key)), message: 'nama kolom tidak boleh memuat karakter kendali' });
      else bodyProblems(item, name, problems);
    }
  }
  return problems;
}

/** Parses a JSON body for a route: too deep, malformed or hostile text is a 400 naming what is wrong. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined; // `content-type: application/json` with no body: a route without a body accepts it
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw invalid('body', `bersarang terlalu dalam (maksimal ${MAX_JSON_DEPTH} tingkat)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const broken = jsonSyntaxError(text);
    throw invalid('body', broken ? `JSON tidak valid di posisi ${broken.position}: ${broken.problem}` : 'JSON tidak valid');
  }
  // Every route's body is an object or a list; a bare null, string or number is nobody's request.
  if (parsed === null || typeof parsed !== 'object') throw invalid('body', 'harus berupa objek atau daftar JSON');
  const problems = bodyProblems(parsed);
  if (problems.length > 0) throw invalidInput(problems);
  return parsed;
}

/** Path parameters and the query string: no control characters, no broken text. */
function paramProblems(source: 'path' | 'query', values: unknown): FieldProblem[] {
  if (!values || typeof values !== 'object') return [];
  const problems: FieldProblem[] = [];
  for (const [key, raw] of Object.entries(values as Record<string, unknown>)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      const problem = typeof value === 'string' ? textProblem(value, false) : null;
      if (problem) problems.push({ field: source === 'query' ? `${key} (query)` : key === '*' ? 'path' : key, message: problem });
    }
    if (textProblem(key, false)) problems.push({ field: 'query', message: 'nama parameter tidak boleh memuat karakter kendali' });
  }
  return problems;
}

/**
 * The defences every route gets from the shared bootstrap: JSON bodies parsed by parseJsonBody, and
 * path and query parameters checked before any handler, guard or pipe sees them.
 */
export function guardInput(fastify: FastifyInstance, bodyLimit: number): void {
  // JSON is the only body a route takes unless its service declares a text body (CSV imports).
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // A callback hook, not an async one: it runs on every request and has nothing to wait for.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems = [...paramProblems('path', request.params), ...paramProblems('query', request.query)];
    done(problems.length > 0 ? invalidInput(problems) : undefined);
  });
}

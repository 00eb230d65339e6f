/**
 * Hostile requests generated from the platform's OpenAPI document: for every operation, values a
 * careless client or an attacker sends in each place the operation reads (path, query, body). New
 * routes are covered by construction.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface RouteOperation {
  method: string;
  /** The path template, e.g. /api/v1/siap/employees/{nip}. */
  template: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  /** The body's media type and a well-formed example of it, when the operation takes one. */
  body: { type: 'json'; example: unknown; schema: Schema } | { type: 'csv' } | null;
  /** The operation declares no body: one sent anyway may be ignored, as long as it is not hostile JSON. */
  bodyless: boolean;
}

export interface HostileCase {
  /** What is wrong with it, e.g. "body.name: NUL byte". */
  label: string;
  /** May a correct platform accept it? (A null for an optional field, an unknown query parameter on a read.) */
  mayBeAccepted: boolean;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): RouteOperation[] {
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema?.$ref) return schema ?? {};
    return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  };
  const operations: RouteOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      const deep = (s: Schema | undefined): Schema => {
        const r = resolve(s);
        return {
          ...r,
          items: r.items ? deep(r.items) : undefined,
          properties: r.properties ? Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [k, deep(v)])) : undefined,
        };
      };
      const body = content['text/csv']
        ? ({ type: 'csv' } as const)
        : jsonSchema
          ? { type: 'json' as const, schema: deep(jsonSchema), example: exampleOf(deep(jsonSchema)) }
          : null;
      operations.push({
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(p.schema) })),
        body: body ?? (['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()) ? { type: 'json', schema: {}, example: {} } : null),
        bodyless: body === null,
      });
    }
  }
  return operations;
}

/** A plausible value for a schema: its example, its first enum value, or one of its type. */
export function exampleOf(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date' ? '2026-12-01' : 'Uji';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return schema.items ? [exampleOf(schema.items)] : [];
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Deeper than any body a route takes; the probe's 2,000 levels in 4 KB. */
const DEEP = `${'['.repeat(2000)}${']'.repeat(2000)}`;
const LONG = 'x'.repeat(100_000);
const LOOKS_LIKE_DATE = /date|^from$|^to$|tmt|effective|^day$|month/i;

/** Wrong values for one field, by what the field holds. */
function wrongValues(schema: Schema, name: string): { label: string; value: unknown; mayBeAccepted?: boolean }[] {
  const values: { label: string; value: unknown; mayBeAccepted?: boolean }[] = [
    { label: 'NUL byte', value: 'Ahmad\u0000P' },
    { label: 'escape and bell characters', value: 'a\u001b[2J\u0007' },
    { label: 'a lone UTF-16 surrogate', value: 'a\ud800b' },
    { label: '100,000 characters', value: LONG },
    { label: 'null', value: null, mayBeAccepted: true },
    { label: 'an object', value: { $gt: '' } },
    { label: 'an array', value: ['a', 'b'] },
  ];
  if (schema.type !== 'string' || schema.enum) values.push({ label: 'a string', value: 'tidak-valid' });
  if (schema.type === 'string' || !schema.type)
    values.push({ label: 'a number', value: 12345 }, { label: 'an empty string', value: '' }, { label: 'blanks', value: '   ' });
  if (schema.type === 'integer' || schema.type === 'number') {
    values.push(
      { label: 'a huge number', value: 1e300 },
      { label: '21 digits', value: 1e20 },
      { label: 'a negative number', value: -1 },
      { label: 'a fraction', value: 0.5 },
    );
  }
  if (LOOKS_LIKE_DATE.test(name) || schema.format === 'date') {
    values.push(
      { label: '30 February', value: '2026-02-30' },
      { label: 'year 0000', value: '0000-01-01' },
      { label: 'year 9999', value: '9999-12-31' },
      { label: '31 April', value: '2026-04-31' },
    );
  }
  return values;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}

/** Every hostile variant of one operation; `samples` gives each path parameter a real-looking value. */
export function hostileCases(op: RouteOperation, samples: Record<string, string>): HostileCase[] {
  const cases: HostileCase[] = [];
  const path = fill(op.template, samples);
  const bodyOk = op.body?.type === 'json' ? JSON.stringify(op.body.example) : undefined;
  const withBody = (label: string, body: string | undefined, headers: Record<string, string> = JSON_HEADERS, mayBeAccepted = false) =>
    cases.push({ label, mayBeAccepted: mayBeAccepted || op.bodyless, path, headers: body === undefined ? {} : headers, body });

  for (const name of op.pathParams) {
    const raw: [string, string][] = [
      ['NUL byte', '%00'],
      ['a control character', 'ab%1Bc'],
      ['a broken %-escape', '%ZZ'],
      ['invalid UTF-8', '%ED%A0%80'],
      ['300 characters', 'A'.repeat(300)],
      ['__proto__', '__proto__'],
      ['constructor', 'constructor'],
      ['36 dashes', '-'.repeat(36)],
      ['30 February', '2026-02-30'],
      ['year 0000', '0000-01'],
      ['a path traversal', '..%2F..%2Fetc'],
    ];
    for (const [label, value] of raw)
      cases.push({
        label: `path ${name}: ${label}`,
        mayBeAccepted: false,
        path: fill(op.template, { ...samples, [name]: value }),
        headers: bodyOk ? JSON_HEADERS : {},
        body: bodyOk,
      });
  }
  const query = (label: string, q: string, mayBeAccepted = false) =>
    cases.push({ label, mayBeAccepted, path: `${path}?${q}`, headers: bodyOk ? JSON_HEADERS : {}, body: bodyOk });
  for (const { name, schema } of op.queryParams) {
    query(`query ${name}: NUL byte`, `${name}=%00`);
    query(`query ${name}: 20 digits`, `${name}=99999999999999999999`);
    query(`query ${name}: a negative number`, `${name}=-1`);
    query(`query ${name}: 10,000 characters`, `${name}=${'9'.repeat(10_000)}`);
    query(`query ${name}: repeated`, `${name}=a&${name}=b`);
    if (LOOKS_LIKE_DATE.test(name) || schema.format === 'date') {
      query(`query ${name}: 30 February`, `${name}=2026-02-30`);
      query(`query ${name}: year 0000`, `${name}=0000-01`);
    }
  }
  // Ignoring a query parameter a route does not read is ordinary HTTP; reading it as a prototype is not.
  query('an unknown query parameter', '__proto__[x]=1&constructor=1', true);

  if (op.body?.type === 'json') {
    const example = op.body.example;
    withBody('body: malformed JSON', '{"a": ');
    withBody('body: nested 2,000 levels', DEEP);
    withBody('body: 20 levels of objects', `${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
    withBody('body: __proto__ key', `{"__proto__": {"isAdmin": true}${bodyOk && bodyOk.startsWith('{') && bodyOk !== '{}' ? `, ${bodyOk.slice(1)}` : '}'}`);
    withBody('body: constructor.prototype key', JSON.stringify({ ...(isPlainObject(example) ? example : {}), constructor: { prototype: { isAdmin: true } } }));
    withBody('body: a bare string', '"x"');
    withBody('body: null', 'null');
    withBody('body: a number', '1e309');
    withBody('body: text/plain', bodyOk ?? '{}', { 'content-type': 'text/plain' });
    withBody('body: an unknown field', JSON.stringify({ ...(isPlainObject(example) ? example : {}), 'x\u0000y': 1 }));
    const properties = Object.entries((op.body.schema.type === 'array' ? op.body.schema.items : op.body.schema)?.properties ?? {});
    for (const [name, schema] of properties) {
      for (const wrong of wrongValues(schema, name)) {
        const replaced = (base: unknown) => ({ ...(isPlainObject(base) ? base : {}), [name]: wrong.value });
        const body = Array.isArray(example) ? [replaced(example[0])] : replaced(example);
        withBody(`body.${name}: ${wrong.label}`, JSON.stringify(body), JSON_HEADERS, wrong.mayBeAccepted ?? false);
      }
    }
  }
  if (op.body?.type === 'csv') {
    const csv = (label: string, text: string) =>
      cases.push({ label: `csv: ${label}`, mayBeAccepted: true, path, headers: { 'content-type': 'text/csv' }, body: text });
    csv(
      'NUL bytes and impossible dates in rows',
      'NIP,WAKTU,JENIS,NIP BARU,NAMA\n199003152015031002,2026-02-30 07:10,MASUK,19900315\u00002015031002,Ahmad\u0000P\n0000,0000-01-01 25:61,X,,\n',
    );
    csv(
      'a SIASN export with NUL bytes, blank names and impossible dates',
      'NIP BARU,NAMA,TGL LAHIR,JENIS KELAMIN,JENIS PEGAWAI NAMA,GOL AKHIR NAMA,UNOR ID,JABATAN ID,TMT CPNS\n' +
        '19900315\u00002015031002,Ahmad\u0000P,30-02-1990,L,PNS,III/a,BKD,BKD-ANALIS,31-04-2015\n' +
        '199003152015031099,   ,15-03-1990,L,PNS,III/a,BKD,BKD-ANALIS,01-03-2015\n',
    );
    csv('a header of prototype keys', '__proto__,constructor,prototype\n1,2,3\n');
    csv('a broken quote', 'NIP,WAKTU,JENIS\n"199003152015031002,2026-10-01 07:10,MASUK\n');
    csv('one 100,000-character cell', `NIP,WAKTU,JENIS\n${LONG},2026-10-01 07:10,MASUK\n`);
  }
  return cases;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

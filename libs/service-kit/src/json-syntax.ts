/** Where a JSON text first breaks the grammar, and what is wrong there in Bahasa Indonesia. */
export interface JsonSyntaxError {
  /** Index of the offending character (UTF-16 code units from 0, as JavaScript counts). */
  position: number;
  problem: string;
}

class Broken extends Error {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** Deeper than any body a route takes (see MAX_JSON_DEPTH); the walk stops there rather than recurse on. */
const MAX_WALK_DEPTH = 512;

/**
 * The first syntax error of `text` as JSON (RFC 8259), or null if it has none. Our own walk rather than
 * the engine's message: V8's is English and changes between Node versions. Only run on a body that
 * JSON.parse already refused, so valid bodies never pay for it.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (problem: string, at = i): never => {
    throw new Broken(at, problem);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (char: string, problem: string) => {
    space();
    if (i >= text.length) fail('JSON terpotong sebelum selesai');
    if (text[i] !== char) fail(problem);
    i++;
  };
  const string = () => {
    const opened = i++;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail('karakter kendali di dalam teks; tulis sebagai \\n, \\t atau \\u00XX');
      if (c !== 0x5c) continue;
      const escaped = text[++i];
      if (escaped === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)) : !'"\\/bfnrt'.includes(escaped ?? 'x'))
        fail('urutan escape tidak valid', i - 1);
      if (escaped === 'u') i += 4;
    }
    fail('teks tanpa tanda kutip penutup', opened);
  };
  const number = () => {
    const found = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    const after = i + (found?.[0].length ?? 0);
    if (!found || /[0-9.eE+-]/.test(text[after] ?? '')) fail('angka tidak valid', found ? after : i);
    i = after;
  };
  const value = (depth: number): void => {
    space();
    if (i >= text.length) fail('JSON terpotong sebelum selesai');
    if (depth > MAX_WALK_DEPTH) fail('bersarang terlalu dalam');
    const c = text[i];
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === '{' || c === '[') return container(c, depth);
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (!word) fail(`karakter tak terduga ${shown(c)}`);
    i += word!.length;
  };
  const container = (open: string, depth: number) => {
    const close = open === '{' ? '}' : ']';
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      if (open === '{') {
        space();
        if (text[i] !== '"') fail(i >= text.length ? 'JSON terpotong sebelum selesai' : 'diharapkan nama kolom dalam tanda kutip ganda');
        string();
        expect(':', "diharapkan ':' setelah nama kolom");
      }
      value(depth + 1);
      space();
      if (text[i] === close) return void i++;
      expect(',', `diharapkan ',' atau '${close}'`);
    }
  };
  try {
    value(0);
    space();
    if (i < text.length) fail('ada isi lain setelah akhir JSON');
    return null;
  } catch (error) {
    if (error instanceof Broken) return { position: error.position, problem: error.problem };
    throw error;
  }
}

/** A character as staff can read it in a message: printable ones in quotes, others by code point. */
function shown(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x21 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `'${c}'`;
}

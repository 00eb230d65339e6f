import { ApiError } from '../src/errors';
import { parseJsonBody } from '../src/input-guard';
import { jsonSyntaxError } from '../src/json-syntax';

/** Words that give away an English message (as the hostile-input test judges them). */
const ENGLISH = /\b(expected|unexpected|property|token|position|end of|json input|not valid|is not|after|before)\b/i;

const bodyProblem = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (error) {
    return (error as ApiError).getResponse() as { message: string; details: { field: string; message: string }[] };
  }
  throw new Error(`accepted ${text}`);
};

describe('malformed JSON bodies, told in Bahasa Indonesia with their position', () => {
  it.each([
    ['a bare word for a key', '{x}', 1, 'diharapkan nama kolom dalam tanda kutip ganda'],
    ['single quotes around a key', "{'nip': 1}", 1, 'diharapkan nama kolom dalam tanda kutip ganda'],
    ['a trailing comma in an object', '{"a":1,}', 7, 'diharapkan nama kolom dalam tanda kutip ganda'],
    ['a missing colon', '{"a" 1}', 5, "diharapkan ':' setelah nama kolom"],
    ['a missing comma between members', '{"a":1 "b":2}', 7, "diharapkan ',' atau '}'"],
    ['a missing comma between items', '[1 2]', 3, "diharapkan ',' atau ']'"],
    ['a trailing comma in a list', '[1,]', 3, "karakter tak terduga ']'"],
    ['an unclosed text', '{"a":"Palu', 5, 'teks tanpa tanda kutip penutup'],
    ['a raw line break in a text', '{"a":"Pa\nlu"}', 8, 'karakter kendali di dalam teks; tulis sebagai \\n, \\t atau \\u00XX'],
    ['an unknown escape', '{"a":"\\x41"}', 6, 'urutan escape tidak valid'],
    ['a short unicode escape', '{"a":"\\u12"}', 6, 'urutan escape tidak valid'],
    ['a leading zero', '[01]', 2, 'angka tidak valid'],
    ['a lone minus', '[-]', 1, 'angka tidak valid'],
    ['a bare decimal point', '[1.]', 2, 'angka tidak valid'],
    ['an exponent without digits', '[1e]', 2, 'angka tidak valid'],
    ['a misspelt literal', '{"aktif":tru}', 9, "karakter tak terduga 't'"],
    ['NaN', '[NaN]', 1, "karakter tak terduga 'N'"],
    ['a byte-order mark', '\uFEFF{}', 0, 'karakter tak terduga U+FEFF'],
    ['text after the value', '{"a":1}x', 7, 'ada isi lain setelah akhir JSON'],
    ['two values', '[1] [2]', 4, 'ada isi lain setelah akhir JSON'],
    ['a cut-off object', '{"a":', 5, 'JSON terpotong sebelum selesai'],
    ['a cut-off list', '[1,', 3, 'JSON terpotong sebelum selesai'],
    ['an object never closed', '{"a":1', 6, 'JSON terpotong sebelum selesai'],
  ])('%s (%j) is refused at position %d: %s', (_case, text, position, problem) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(jsonSyntaxError(text)).toEqual({ position, problem });
    const refused = bodyProblem(text);
    expect(refused.details).toEqual([{ field: 'body', message: `JSON tidak valid di posisi ${position}: ${problem}` }]);
    expect(refused.message).toBe(`Data tidak valid: body JSON tidak valid di posisi ${position}: ${problem}`);
    expect(refused.message).not.toMatch(ENGLISH);
  });

  it.each([
    ['an object', '{"nip":"199003152015031002","aktif":true,"catatan":null}'],
    ['nested values with spaces', ' { "a" : [ 1 , -2.5e+3 , 0 , "x\\"y\\u00e9\\n" , { } , [ ] ] } '],
    ['a list', '[false, 0.5, -0, 1E9]'],
  ])('finds nothing wrong with %s, which JSON.parse accepts', (_case, text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonSyntaxError(text)).toBeNull();
  });
});

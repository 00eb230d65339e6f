import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidInput, type FieldProblem } from './errors';

/** class-validator's constraint names, told in Bahasa Indonesia for staff. DTOs may override per field. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: 'tidak dikenal',
  isDefined: 'wajib diisi',
  isNotEmpty: 'wajib diisi',
  isString: 'harus berupa teks',
  isInt: 'harus berupa bilangan bulat',
  isNumber: 'harus berupa angka',
  isBoolean: 'harus bernilai true atau false',
  isEmail: 'harus berupa alamat email yang valid',
  isDateString: 'harus berupa tanggal YYYY-MM-DD',
  isISO8601: 'harus berupa tanggal YYYY-MM-DD',
  isEnum: 'nilainya tidak dikenal',
  isIn: 'nilainya tidak dikenal',
  matches: 'formatnya tidak valid',
  min: 'terlalu kecil',
  max: 'terlalu besar',
  maxLength: 'terlalu panjang',
  minLength: 'terlalu pendek',
  isArray: 'harus berupa daftar',
  nestedValidation: 'tidak valid',
};

/** class-validator errors as field problems with messages in Bahasa Indonesia. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = firstProblem(Object.entries(error.constraints ?? {}));
    // A required field that is missing is "wajib diisi", whichever of its checks happened to fail first.
    const missing = error.value === undefined && constraints.length > 0 && !error.constraints?.whitelistValidation;
    const own = missing
      ? [{ field, message: 'wajib diisi' }]
      : constraints.map(([name, message]) => ({
          field,
          // A message a DTO wrote itself is already Indonesian; class-validator's defaults are English.
          message: message.startsWith('$') ? message.slice(1) : (MESSAGES[name] ?? message),
        }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** Checks of what a value is, which say more than any check of its size or shape when both fail. */
const TYPE_CHECKS = new Set(['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isEnum', 'isIn', 'isObject']);

/**
 * One problem per field. class-validator runs a field's decorators from the last written to the first,
 * so `@IsInt() @Min(1) @Max(9)` would report "terlalu besar" for "abc"; a failed type check comes first,
 * otherwise the first check that failed, as class-validator would have stopped there.
 */
function firstProblem(constraints: [string, string][]): [string, string][] {
  const typeProblem = constraints.find(([name]) => TYPE_CHECKS.has(name));
  return typeProblem ? [typeProblem] : constraints.slice(0, 1);
}

/** Whitelisting validation: unknown fields are rejected, and every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Every check of a field runs, so firstProblem can tell a wrong type before a wrong size.
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidInput(toFieldProblems(errors)),
  });
}

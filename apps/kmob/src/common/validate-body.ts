import { invalidInput, toFieldProblems } from '@app/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** The global pipe's checks for a body that arrives in more than one shape (e.g. a bare array). */
export function validateBody<T extends object>(cls: new () => T, plain: unknown): T {
  const dto = plainToInstance(cls, plain ?? {});
  const problems = toFieldProblems(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));
  if (problems.length > 0) throw invalidInput(problems);
  return dto;
}

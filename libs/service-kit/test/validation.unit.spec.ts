import 'reflect-metadata';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { createValidationPipe } from '../src/validation';

class Office {
  @IsInt()
  @Min(10)
  @Max(5000)
  radiusMeters!: number;

  @IsOptional()
  @IsString()
  @MaxLength(5)
  @Matches(/^[A-Z]+$/)
  code?: string;
}

async function problems(body: unknown) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Office });
    return [];
  } catch (error) {
    return (error as { getResponse(): { details: { field: string; message: string }[] } }).getResponse().details;
  }
}

describe('field validation messages', () => {
  it.each([
    ['a number as text', { radiusMeters: 'abc' }, [{ field: 'radiusMeters', message: 'harus berupa bilangan bulat' }]],
    ['a fraction', { radiusMeters: 12.5 }, [{ field: 'radiusMeters', message: 'harus berupa bilangan bulat' }]],
    ['too large', { radiusMeters: 6000 }, [{ field: 'radiusMeters', message: 'terlalu besar' }]],
    ['too small', { radiusMeters: 5 }, [{ field: 'radiusMeters', message: 'terlalu kecil' }]],
    ['missing', {}, [{ field: 'radiusMeters', message: 'wajib diisi' }]],
    ['text that is not text', { radiusMeters: 100, code: 42 }, [{ field: 'code', message: 'harus berupa teks' }]],
    ['text too long and of the wrong shape: one problem', { radiusMeters: 100, code: 'abcdefg' }, [{ field: 'code', message: 'formatnya tidak valid' }]],
    ['an unknown field', { radiusMeters: 100, colour: 'red' }, [{ field: 'colour', message: 'tidak dikenal' }]],
    ['nothing wrong', { radiusMeters: 100, code: 'BKD' }, []],
  ])('names one problem per field, the type before the size: %s', async (_case, body, expected) => {
    expect(await problems(body)).toEqual(expected);
  });
});

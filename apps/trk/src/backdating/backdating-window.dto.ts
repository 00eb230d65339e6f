import { DateField, DateTimeField, TextField, UnitCodeField } from '@app/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { MinLength } from 'class-validator';

export class OpenBackdatingWindowDto {
  @ApiProperty({ example: 'DINKES', description: 'The unit (and the units below it) whose employees may fill in the dates' })
  @UnitCodeField()
  unitCode!: string;

  @ApiProperty({ example: '2026-06-08', description: 'First date that may be filled in (WITA)' })
  @DateField()
  from!: string;

  @ApiProperty({ example: '2026-06-09', description: 'Last date that may be filled in (WITA), today at the latest' })
  @DateField()
  to!: string;

  @ApiProperty({ example: '2026-06-12T16:00:00+08:00', description: 'When the window closes; it opens when it is created' })
  @DateTimeField()
  closesAt!: string;

  @ApiProperty({ example: 'Gangguan jaringan di Palu 8–9 Juni 2026' })
  @TextField(1000)
  @MinLength(10, { message: '$minimal 10 karakter: tuliskan alasannya' })
  reason!: string;
}

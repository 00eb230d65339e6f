import { ApiProperty } from '@nestjs/swagger';
import type { FieldProblem } from '../errors';
import type { JobRowError, JobStatus, JobView } from './job.types';

/** GET /api/v1/<service>/jobs/{id} in every service, and what starting a job answers (OpenAPI). */

export class FieldProblemResponse implements FieldProblem {
  @ApiProperty({ example: 'NIP' }) field!: string;
  @ApiProperty({ example: 'harus 18 digit angka' }) message!: string;
}

export class JobRowErrorResponse implements JobRowError {
  @ApiProperty({ description: 'Line of the input (1 = the header)' }) line!: number;
  @ApiProperty({ description: 'What identifies the row, e.g. its NIP' }) key!: string;
  @ApiProperty({ type: [FieldProblemResponse] }) problems!: FieldProblemResponse[];
}

export class JobViewResponse implements JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'siap.employee-import' }) kind!: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] }) status!: JobStatus;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Counters of the job: `total` and `processed` for a progress bar, and its own',
    example: { total: 2000, processed: 1000, imported: 998, failed: 2 },
  })
  progress!: Record<string, number>;
  @ApiProperty() errorCount!: number;
  @ApiProperty({ type: [JobRowErrorResponse], description: 'Row errors, 100 at a time from ?errorsFrom' }) errors!: JobRowErrorResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, for staff' }) message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

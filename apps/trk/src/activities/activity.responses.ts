import { ApiProperty } from '@nestjs/swagger';

export const ACTIVITY_STATUSES = ['PENDING', 'APPROVED', 'REDUCED', 'REJECTED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nip!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ description: 'The unit the employee belonged to that day' }) unitCode!: string;
  @ApiProperty({ type: String, nullable: true }) catalogueCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The catalogue activity's name when entered" }) catalogueName!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Minutes claimed' }) minutes!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Standard minutes per output when entered' }) standardMinutes!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) targetId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Read it at GET /activities/{id}/evidence' }) evidenceId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The back-dating window that allowed a late entry' })
  backdatingWindowId!: string | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Minutes that count after verification; null while pending' }) verifiedMinutes!: number | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PendingActivityResponse extends ActivityResponse {
  @ApiProperty({ description: "The employee's name" }) name!: string;
  @ApiProperty({ format: 'date', description: "The last day to verify the entry's month (the norm's verificationDeadlineDay of the next month)" })
  verificationDeadline!: string;
  @ApiProperty({ description: 'The deadline has passed: at the month close it follows the rule unverifiedAtClose' }) overdue!: boolean;
}

export class VerifyActivitiesResponse {
  @ApiProperty({ enum: ['APPROVED', 'REDUCED', 'REJECTED'] }) status!: string;
  @ApiProperty({ type: [ActivityResponse] }) entries!: ActivityResponse[];
}

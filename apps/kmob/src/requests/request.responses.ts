import { REQUEST_TYPES, type RequestType } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnnualLeaveBalance } from './leave-balance';
import type { RequestView } from './request.service';

/** Response shapes of the request and leave-balance routes (OpenAPI; the portal's types are generated from them). */

export class RequestResponse implements RequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nip!: string;
  @ApiProperty({ enum: REQUEST_TYPES }) type!: RequestType;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: "Working days covered by the employee's calendar" }) workingDays!: number;
  @ApiProperty({ enum: ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The supporting document, at GET /files/{id}' }) attachmentId!: string | null;
  @ApiProperty({ description: 'Who filed it (the employee, or an operator for them)' }) createdBy!: string;
  @ApiProperty({ type: Date }) createdAt!: Date;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected' }) decisionNote!: string | null;
  @ApiPropertyOptional({ description: "The employee's name (in lists)" }) name?: string;
}

export class LeaveBalanceResponse implements AnnualLeaveBalance {
  @ApiProperty() nip!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: "The year's entitlement by the rules in force" }) entitlementDays!: number;
  @ApiProperty({ description: 'Unused days carried over from the year before' }) carriedOver!: number;
  @ApiProperty() available!: number;
  @ApiProperty({ description: 'Working days of approved annual leave' }) taken!: number;
  @ApiProperty({ description: 'Working days waiting for approval' }) pending!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ description: 'What can still be requested: remaining minus pending' }) requestable!: number;
  @ApiProperty({ description: 'The rule behind the entitlement' }) source!: string;
}

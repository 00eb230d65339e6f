import { ROLES } from '@app/auth';
import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from './audit-log';

/** An entry of the audit trail (GET /audit), as the OpenAPI document describes it. */
export class AuditEntryResponse implements AuditEntry {
  @ApiProperty({ description: 'Sequence number' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who made the request (for a login, the NIP tried)' }) actorNip!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) actorRoles!: string[];
  @ApiProperty({ enum: ['POST', 'PUT', 'PATCH', 'DELETE'] }) method!: string;
  @ApiProperty({ example: '/api/v1/siap/employees/199003152015031002/transfers' }) path!: string;
  @ApiProperty({ type: String, nullable: true }) targetNip!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetUnit!: string | null;
  @ApiProperty({ description: 'HTTP status of the answer' }) status!: number;
  @ApiProperty() requestId!: string;
  @ApiProperty({ type: Date }) at!: Date;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Newest first' }) items!: AuditEntryResponse[];
}

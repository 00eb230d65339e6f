import { ApiProperty } from '@nestjs/swagger';
import type { CheckInRecord, CheckInResult } from './check-in-records';

/** Response shapes of the check-in routes (OpenAPI; the portal's types are generated from them). */

export class CheckInResponse implements CheckInResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '199003152015031002' }) nip!: string;
  @ApiProperty({ enum: ['IN', 'OUT'] }) type!: 'IN' | 'OUT';
  @ApiProperty({ format: 'date-time', description: "When it counts: the server's time, or the phone's for a check-in made without signal (deviceTime)" })
  at!: string;
  @ApiProperty({ format: 'date', description: 'The working day (WITA) it counts for' }) workDate!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['MOBILE', 'IMPORT'] }) source!: 'MOBILE' | 'IMPORT';
  @ApiProperty({ type: String, nullable: true, description: 'The office location matched; null on field duty or WFH' }) locationName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) distanceMeters!: number | null;
  @ApiProperty({ description: "Counts at the phone's time (capturedAt accepted)" }) deviceTime!: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the server received it' }) receivedAt!: string;
  @ApiProperty({ example: '07:28', description: 'Local time (WITA) it counts at' }) localTime!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The selfie, at GET /files/{id}' }) photoId!: string | null;
  @ApiProperty({ type: String, enum: ['DINAS_LUAR', 'WFH'], nullable: true, description: 'Approved field duty or WFH that lifted the geofence' })
  exemption!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The phone's time as sent" }) capturedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clientId!: string | null;
}

export class CheckInRecordResponse implements CheckInRecord {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['IN', 'OUT'] }) type!: 'IN' | 'OUT';
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'date' }) workDate!: string;
  @ApiProperty({ example: '07:28' }) localTime!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['MOBILE', 'IMPORT'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) locationName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) distanceMeters!: number | null;
  @ApiProperty({ type: Number, nullable: true }) accuracyMeters!: number | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) photoId!: string | null;
  @ApiProperty({ description: "Counts at the phone's time (made without signal, sent later)" }) deviceTime!: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) capturedAt!: string | null;
}

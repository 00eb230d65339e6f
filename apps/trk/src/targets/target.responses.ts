import { ApiProperty } from '@nestjs/swagger';

export const TARGET_STATUSES = ['PROPOSED', 'AGREED', 'REJECTED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** An IKI target with its achievement so far. */
export class TargetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nip!: string;
  @ApiProperty({ example: '2026-06', description: "'YYYY' (annual) or 'YYYY-MM' (monthly)" }) period!: string;
  @ApiProperty({ enum: ['ANNUAL', 'MONTHLY'] }) kind!: 'ANNUAL' | 'MONTHLY';
  @ApiProperty() title!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() outputUnit!: string;
  @ApiProperty({ type: [String] }) catalogueCodes!: string[];
  @ApiProperty({ enum: TARGET_STATUSES }) status!: TargetStatus;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: "Outputs of approved (or reduced) entries of the target's activities in its period" }) achieved!: number;
  @ApiProperty({ description: 'Outputs of entries still awaiting verification: shown apart, not yet achieved' }) pendingQuantity!: number;
  @ApiProperty({ example: '75.00', description: 'achieved ÷ quantity in percent, capped at 100.00 as the score counts it' }) achievementPercent!: string;
}

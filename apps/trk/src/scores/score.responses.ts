import { ApiProperty } from '@nestjs/swagger';
import type { ScoreComponent, ScoreComponentCode } from '../domain/monthly-score';
import type { NormSource, PendingTreatment, PositionTypeSource } from '../domain/score-facts';
import type { ComputedScore, NormFactsView, TargetAchievement } from './computed-score';

/** Response shapes of GET /scores (OpenAPI). */

export class ScoreComponentResponse implements ScoreComponent {
  @ApiProperty({ enum: ['ACTIVITY', 'TARGET', 'SUBORDINATES'] }) code!: ScoreComponentCode;
  @ApiProperty() label!: string;
  @ApiProperty({ example: '87.50', description: 'Percent achieved, capped at 100.00' }) achievement!: string;
  @ApiProperty({ example: '100.00', description: 'Percent of the score it carried after redistribution' }) weight!: string;
  @ApiProperty({ example: '87.50', description: 'Its share of the score; the points add up to the score exactly' }) points!: string;
  @ApiProperty() detail!: string;
}

export class NormResponse implements NormFactsView {
  @ApiProperty({ example: 6000 }) fullMinutes!: number;
  @ApiProperty() workingDays!: number;
  @ApiProperty() reducingDays!: number;
  @ApiProperty({ type: [String] }) reducingStatuses!: string[];
  @ApiProperty({ description: 'fullMinutes × (workingDays − reducingDays) ÷ workingDays, whole minutes' }) proratedMinutes!: number;
  @ApiProperty({
    enum: ['KMOB', 'TRK_CALENDAR'],
    description: "K-Mob's closed month, or before K-Mob closed it TRK's own calendar less the leave and sick days of the requests K-Mob approved",
  })
  source!: NormSource;
  @ApiProperty({ type: Number, nullable: true }) kmobVersion!: number | null;
  @ApiProperty() ruleSource!: string;
  @ApiProperty({ format: 'date' }) ruleEffectiveFrom!: string;
}

export class PendingResponse {
  @ApiProperty() minutes!: number;
  @ApiProperty() entries!: number;
  @ApiProperty({
    enum: ['PENDING', 'COUNTED', 'NOT_COUNTED'],
    description: 'PENDING: shown apart, not in the score, until the verification deadline or the close; then as the norm rule says',
  })
  treatment!: PendingTreatment;
  @ApiProperty({ format: 'date' }) verificationDeadline!: string;
}

export class TargetAchievementResponse implements TargetAchievement {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() outputUnit!: string;
  @ApiProperty() achieved!: number;
  @ApiProperty() pendingQuantity!: number;
  @ApiProperty() achievementPercent!: string;
}

export class TeamResponse {
  @ApiProperty({ description: 'Direct subordinates with a norm this month' }) total!: number;
  @ApiProperty() metNorm!: number;
}

export class WeightsResponse {
  @ApiProperty() activity!: number;
  @ApiProperty() target!: number;
  @ApiProperty() subordinates!: number;
  @ApiProperty({ description: 'false: the rules have no weights for the position type, so activity counts 100%' }) inRules!: boolean;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date', description: 'When the weights in force took effect' }) effectiveFrom!: string;
}

export class PublishedScoreResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ example: '87.50' }) score!: string;
  @ApiProperty({ type: Date }) publishedAt!: Date;
}

export class ScoreResponse implements ComputedScore {
  @ApiProperty() nip!: string;
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ example: '87.50', description: '0.00–100.00, rounded once, half up' }) score!: string;
  @ApiProperty({ type: [ScoreComponentResponse] }) components!: ScoreComponentResponse[];
  @ApiProperty({ description: "The components' points add up to the score exactly" }) partsAddUp!: boolean;
  @ApiProperty({ description: 'Minutes that counted in the score' }) approvedMinutes!: number;
  @ApiProperty({ description: 'Of verified entries: approved in full, reduced as reduced' }) verifiedMinutes!: number;
  @ApiProperty({ type: PendingResponse }) pending!: PendingResponse;
  @ApiProperty({ type: NormResponse }) norm!: NormResponse;
  @ApiProperty({ type: [TargetAchievementResponse], description: 'Agreed monthly targets of the month' }) targets!: TargetAchievementResponse[];
  @ApiProperty({ type: TeamResponse, nullable: true, description: 'For an atasan; null for others' }) subordinates!: TeamResponse | null;
  @ApiProperty({ example: 'FUNGSIONAL' }) positionType!: string;
  @ApiProperty({ enum: ['SIAP', 'SUBORDINATES', 'DEFAULT'] }) positionTypeSource!: PositionTypeSource;
  @ApiProperty({ type: WeightsResponse }) weights!: WeightsResponse;
  @ApiProperty({ type: [String], description: "Where each figure came from, in Bahasa Indonesia (the norm's source among them)" }) explanation!: string[];
  @ApiProperty({ type: PublishedScoreResponse, nullable: true, description: 'The frozen score of a closed month, latest version' })
  published!: PublishedScoreResponse | null;
}

import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationRating, Predikat, Rating } from '../domain/skp';
import { TargetResponse } from '../targets/target.responses';
import { ORGANISATION_RATINGS, RATINGS } from './skp.dto';

const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

export class SkpRatingResponse {
  @ApiProperty() year!: number;
  @ApiProperty() nip!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ description: 'The unit the employee was in when rated' }) unitCode!: string;
  @ApiProperty({ enum: RATINGS }) hasil!: Rating;
  @ApiProperty({ enum: RATINGS }) perilaku!: Rating;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: RATINGS } }) perilakuValues!: Record<string, Rating>;
  @ApiProperty({ enum: PREDIKAT, description: 'hasil × perilaku by the PermenPANRB 6/2022 matrix' }) predikat!: Predikat;
  @ApiProperty({ example: 'Baik' }) predikatLabel!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() ratedBy!: string;
  @ApiProperty({ format: 'date-time' }) ratedAt!: string;
}

export class OrganisationRatingResponse {
  @ApiProperty({ enum: ORGANISATION_RATINGS }) rating!: OrganisationRating;
  @ApiProperty() label!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() ratedBy!: string;
  @ApiProperty({ format: 'date-time' }) ratedAt!: string;
}

export class DistributionLimitResponse {
  @ApiProperty({ enum: PREDIKAT, isArray: true }) predikat!: Predikat[];
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The most allowed in this unit (a maximum rounds down)' }) most!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The least needed in this unit (a minimum rounds up)' }) least!: number | null;
  @ApiProperty() actual!: number;
}

export class DistributionViolationResponse {
  @ApiProperty({ enum: PREDIKAT, isArray: true }) predikat!: Predikat[];
  @ApiProperty({ enum: ['max', 'min', 'mustExist', 'none'] }) rule!: 'max' | 'min' | 'mustExist' | 'none';
  @ApiProperty() limit!: number;
  @ApiProperty() actual!: number;
  @ApiProperty() message!: string;
}

export class DistributionResponse {
  @ApiProperty() employees!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Rated employees per predikat' }) counts!: Record<string, number>;
  @ApiProperty({ type: [DistributionLimitResponse], description: "The pattern of the organisation's rating; empty until it is set" })
  limits!: DistributionLimitResponse[];
  @ApiProperty({ type: [DistributionViolationResponse] }) violations!: DistributionViolationResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'The rule the pattern comes from (SE MenPANRB 3/2023)' }) ruleSource!: string | null;
}

export class DecisionMarkResponse {
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OverrideResponse extends DecisionMarkResponse {
  @ApiProperty() reason!: string;
}

export class SkpUnitResponse {
  @ApiProperty() year!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: String, nullable: true, description: "The holder of the unit's head position, when TRK's copy of SIAP knows it" }) unitHead!:
    string | null;
  @ApiProperty({ type: OrganisationRatingResponse, nullable: true }) organisationRating!: OrganisationRatingResponse | null;
  @ApiProperty({ type: [SkpRatingResponse], description: 'The ratings of the employees rated in the unit or below it' }) ratings!: SkpRatingResponse[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { nip: { type: 'string' }, name: { type: 'string' } } },
    description: 'In service now, not rated',
  })
  unrated!: { nip: string; name: string }[];
  @ApiProperty({ type: DistributionResponse }) distribution!: DistributionResponse;
  @ApiProperty({ type: OverrideResponse, nullable: true, description: "A BKD admin's override of the pattern" }) override!: OverrideResponse | null;
  @ApiProperty({ type: DecisionMarkResponse, nullable: true }) finalised!: DecisionMarkResponse | null;
}

export class SkpMonthScoreResponse {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ example: '87.50', description: 'The published (frozen) monthly score, 0–100 with 2 decimals' }) score!: string;
  @ApiProperty({ description: 'Its version: above 1 when a change after the close corrected it' }) version!: number;
  @ApiProperty() approvedMinutes!: number;
  @ApiProperty() normMinutes!: number;
}

export class SkpBasisResponse {
  @ApiProperty() year!: number;
  @ApiProperty() nip!: string;
  @ApiProperty({ type: SkpRatingResponse, nullable: true, description: 'The rating so far, or null' }) rating!: SkpRatingResponse | null;
  @ApiProperty({ type: [SkpMonthScoreResponse], description: 'The closed months of the year and their published scores' }) months!: SkpMonthScoreResponse[];
  @ApiProperty({ type: [TargetResponse], description: 'The IKI targets of the year, annual and monthly, with what was achieved' }) targets!: TargetResponse[];
}

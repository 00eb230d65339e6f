import { TextField } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { BERAKHLAK, ORGANISATION_RATING_LABEL, RATING_LABEL, type OrganisationRating, type Rating } from '../domain/skp';

export const RATINGS = Object.keys(RATING_LABEL) as Rating[];
export const ORGANISATION_RATINGS = Object.keys(ORGANISATION_RATING_LABEL) as OrganisationRating[];
const RATING_MESSAGE = `$harus ${RATINGS.join(', ')}`;

export class RateSkpDto {
  @ApiProperty({ enum: RATINGS, description: 'Hasil kerja against expectations' })
  @IsIn(RATINGS, { message: RATING_MESSAGE })
  hasil!: Rating;

  @ApiProperty({ enum: RATINGS, description: "Perilaku kerja overall: the atasan's judgement, consistent with the values below" })
  @IsIn(RATINGS, { message: RATING_MESSAGE })
  perilaku!: Rating;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(BERAKHLAK.map((v) => [v.code, { type: 'string', enum: RATINGS, description: v.label }])),
    required: BERAKHLAK.map((v) => v.code),
    description: 'Each of the seven BerAKHLAK core values rated',
  })
  @IsObject({ message: '$harus berupa objek nilai BerAKHLAK, mis. {"AKUNTABEL": "SESUAI", …}' })
  perilakuValues!: Record<string, Rating>;

  @ApiPropertyOptional()
  @IsOptional()
  @TextField(1000)
  note?: string;
}

export class OrganisationRatingDto {
  @ApiProperty({ enum: ORGANISATION_RATINGS, description: "The unit's own achievement; it sets the distribution pattern of its employees' predikat" })
  @IsIn(ORGANISATION_RATINGS, { message: `$harus ${ORGANISATION_RATINGS.join(', ')}` })
  rating!: OrganisationRating;

  @ApiProperty({ description: 'What the rating rests on (the unit’s performance report)' })
  @TextField(1000)
  reason!: string;
}

export class SkpOverrideDto {
  @ApiProperty({ description: 'Why the distribution pattern cannot apply to this unit (e.g. too few employees); kept with the unit' })
  @TextField(1000)
  reason!: string;
}

import { CurrentIdentity, type Identity } from '@app/auth';
import { NipField } from '@app/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ScoreQueries } from './score-queries.service';
import { ScoreResponse } from './score.responses';

class ScoreQueryDto {
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiPropertyOptional({ example: '2026-06', description: 'YYYY-MM; default: this month (WITA)' })
  @IsOptional()
  @IsString()
  month?: string;
}

@ApiTags('scores')
@Controller('scores')
export class ScoreController {
  constructor(private readonly scores: ScoreQueries) {}

  /**
   * An employee's monthly performance score with its components (whose points add up to the score),
   * the prorated norm and where its days came from, the minutes that counted and those still pending,
   * the month's agreed targets and, for an atasan, the subordinates who met their norm.
   */
  @Get()
  @ApiOkResponse({ type: ScoreResponse })
  score(@CurrentIdentity() who: Identity, @Query() query: ScoreQueryDto): Promise<ScoreResponse> {
    return this.scores.score(who, query.nip, query.month);
  }
}

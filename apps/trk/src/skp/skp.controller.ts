import { CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkpRatingService } from './skp-rating.service';
import { SkpUnitService } from './skp-unit.service';
import { OrganisationRatingDto, RateSkpDto, SkpOverrideDto } from './skp.dto';
import { SkpBasisResponse, SkpRatingResponse, SkpUnitResponse } from './skp.responses';

@ApiTags('skp')
@Controller('skp/:year')
export class SkpController {
  constructor(
    private readonly ratings: SkpRatingService,
    private readonly units: SkpUnitService,
  ) {}

  /** The rating so far and what it rests on: the year's published monthly scores and its IKI targets with their achievement. */
  @Get('ratings/:nip')
  @ApiOkResponse({ type: SkpBasisResponse })
  basis(@CurrentIdentity() who: Identity, @Param('year') year: string, @Param('nip') nip: string): Promise<SkpBasisResponse> {
    return this.ratings.basis(who, year, nip);
  }

  /** Sets (or changes, until the unit is finalised) an employee's annual rating: by their atasan only, never their own (403). */
  @Put('ratings/:nip')
  @ApiOkResponse({ type: SkpRatingResponse })
  rate(@CurrentIdentity() who: Identity, @Param('year') year: string, @Param('nip') nip: string, @Body() dto: RateSkpDto): Promise<SkpRatingResponse> {
    return this.ratings.rate(who, year, nip, dto);
  }

  /** The unit's ratings with their predikat and the distribution check as it stands (counts, limits, violations). */
  @Get('units/:unitCode')
  @ApiOkResponse({ type: SkpUnitResponse })
  unit(@CurrentIdentity() who: Identity, @Param('year') year: string, @Param('unitCode') unitCode: string): Promise<SkpUnitResponse> {
    return this.units.view(who, year, unitCode);
  }

  /** The unit's own achievement, by its head or a BKD admin; it sets the distribution pattern. */
  @Put('units/:unitCode/organisation-rating')
  @ApiOkResponse({ type: SkpUnitResponse })
  rateOrganisation(
    @CurrentIdentity() who: Identity,
    @Param('year') year: string,
    @Param('unitCode') unitCode: string,
    @Body() dto: OrganisationRatingDto,
  ): Promise<SkpUnitResponse> {
    return this.units.rateOrganisation(who, year, unitCode, dto);
  }

  /** BKD admins only: lets the unit be finalised outside the pattern, with the reason kept. */
  @Post('units/:unitCode/override')
  @HttpCode(200)
  @ApiOkResponse({ type: SkpUnitResponse })
  override(
    @CurrentIdentity() who: Identity,
    @Param('year') year: string,
    @Param('unitCode') unitCode: string,
    @Body() dto: SkpOverrideDto,
  ): Promise<SkpUnitResponse> {
    return this.units.override(who, year, unitCode, dto.reason);
  }

  /** By the unit head (or BKD): 422 naming each predikat outside the pattern unless BKD overrode it. */
  @Post('units/:unitCode/finalise')
  @HttpCode(200)
  @ApiOkResponse({ type: SkpUnitResponse })
  finalise(@CurrentIdentity() who: Identity, @Param('year') year: string, @Param('unitCode') unitCode: string): Promise<SkpUnitResponse> {
    return this.units.finalise(who, year, unitCode);
  }
}

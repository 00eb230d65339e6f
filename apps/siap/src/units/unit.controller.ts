import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { UnitListResponse, UnitResponse } from './unit.responses';
import { UnitService } from './unit.service';

@ApiTags('units')
@Controller('units')
export class UnitController {
  constructor(
    private readonly units: UnitService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: UnitResponse })
  create(@CurrentIdentity() who: Identity, @Body() dto: CreateUnitDto): Promise<UnitResponse> {
    this.access.assertCanManageOrganisation(who);
    return this.units.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: UnitListResponse })
  async list(): Promise<UnitListResponse> {
    return { items: await this.units.list() };
  }

  @Get(':code')
  @ApiOkResponse({ type: UnitResponse })
  get(@Param('code') code: string): Promise<UnitResponse> {
    return this.units.get(code);
  }

  @Patch(':code')
  @ApiOkResponse({ type: UnitResponse })
  update(@CurrentIdentity() who: Identity, @Param('code') code: string, @Body() dto: UpdateUnitDto): Promise<UnitResponse> {
    this.access.assertCanManageOrganisation(who);
    return this.units.update(code, dto);
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
import { ApiTags } from '@nestjs/swagger';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { UnitService } from './unit.service';

@ApiTags('units')
@Controller('units')
export class UnitController {
  constructor(
    private readonly units: UnitService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  create(@CurrentIdentity() who: Identity, @Body() dto: CreateUnitDto) {
    this.access.assertCanManageOrganisation(who);
    return this.units.create(dto);
  }

  @Get()
  async list() {
    return { items: await this.units.list() };
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.units.get(code);
  }

  @Patch(':code')
  update(@CurrentIdentity() who: Identity, @Param('code') code: string, @Body() dto: UpdateUnitDto) {
    this.access.assertCanManageOrganisation(who);
    return this.units.update(code, dto);
  }
}

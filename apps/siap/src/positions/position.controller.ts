import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CreatePositionDto, UpdatePositionDto } from './position.dto';
import { PositionService } from './position.service';

@ApiTags('positions')
@Controller('positions')
export class PositionController {
  constructor(
    private readonly positions: PositionService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  create(@CurrentIdentity() who: Identity, @Body() dto: CreatePositionDto) {
    this.access.assertCanManageOrganisation(who);
    return this.positions.create(dto);
  }

  @Get()
  @ApiQuery({ name: 'unitCode', required: false })
  async list(@Query('unitCode') unitCode?: string) {
    return { items: await this.positions.list(unitCode) };
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.positions.get(code);
  }

  @Patch(':code')
  update(@CurrentIdentity() who: Identity, @Param('code') code: string, @Body() dto: UpdatePositionDto) {
    this.access.assertCanManageOrganisation(who);
    return this.positions.update(code, dto);
  }
}

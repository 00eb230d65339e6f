import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { UnitService } from './unit.service';

@ApiTags('units')
@Controller('units')
export class UnitController {
  constructor(private readonly units: UnitService) {}

  @Post()
  create(@Body() dto: CreateUnitDto) {
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
  update(@Param('code') code: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(code, dto);
  }
}

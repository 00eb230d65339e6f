import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CreatePositionDto, UpdatePositionDto } from './position.dto';
import { PositionListResponse, PositionResponse } from './position.responses';
import { PositionService } from './position.service';

@ApiTags('positions')
@Controller('positions')
export class PositionController {
  constructor(
    private readonly positions: PositionService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PositionResponse })
  create(@CurrentIdentity() who: Identity, @Body() dto: CreatePositionDto): Promise<PositionResponse> {
    this.access.assertCanManageOrganisation(who);
    return this.positions.create(dto);
  }

  @Get()
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiOkResponse({ type: PositionListResponse })
  async list(@Query('unitCode') unitCode?: string): Promise<PositionListResponse> {
    return { items: await this.positions.list(unitCode) };
  }

  @Get(':code')
  @ApiOkResponse({ type: PositionResponse })
  get(@Param('code') code: string): Promise<PositionResponse> {
    return this.positions.get(code);
  }

  @Patch(':code')
  @ApiOkResponse({ type: PositionResponse })
  update(@CurrentIdentity() who: Identity, @Param('code') code: string, @Body() dto: UpdatePositionDto): Promise<PositionResponse> {
    this.access.assertCanManageOrganisation(who);
    return this.positions.update(code, dto);
  }
}

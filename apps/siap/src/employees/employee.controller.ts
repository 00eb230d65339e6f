import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, type Identity } from '@app/auth';
import { notFound } from '@app/service-kit';
import { EmployeeAccess } from '../common/employee-access';
import {
  EmployeeQueryDto,
  HISTORY_SECTIONS,
  historySection,
  HistoryEntryDto,
  PositionChangeDto,
  PromotionDto,
  RegisterEmployeeDto,
  TerminationDto,
  TransferDto,
  UpdateEmployeeDto,
} from './employee.dto';
import { EmployeeService } from './employee.service';

@ApiTags('employees')
@Controller('employees')
export class EmployeeController {
  constructor(
    private readonly employees: EmployeeService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  async register(@CurrentIdentity() who: Identity, @Body() dto: RegisterEmployeeDto) {
    await this.access.assertCanManageUnit(who, dto.unitCode);
    return this.employees.register(dto);
  }

  @Get()
  async list(@CurrentIdentity() who: Identity, @Query() query: EmployeeQueryDto) {
    return this.employees.list(query, await this.access.listFilter(who));
  }

  @Get(':nip')
  async get(@CurrentIdentity() who: Identity, @Param('nip') nip: string) {
    await this.access.assertCanRead(who, nip);
    return this.employees.get(nip);
  }

  @Patch(':nip')
  async update(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: UpdateEmployeeDto) {
    await this.access.assertCanManage(who, nip);
    return this.employees.update(nip, dto);
  }

  @Post(':nip/transfers')
  @HttpCode(200)
  async transfer(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: TransferDto) {
    await this.access.assertCanManage(who, nip);
    await this.access.assertCanManageUnit(who, dto.unitCode);
    return this.employees.transfer(nip, dto);
  }

  @Post(':nip/promotions')
  @HttpCode(200)
  async promote(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: PromotionDto) {
    await this.access.assertCanManage(who, nip);
    return this.employees.promote(nip, dto);
  }

  @Post(':nip/position-changes')
  @HttpCode(200)
  async changePosition(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: PositionChangeDto) {
    await this.access.assertCanManage(who, nip);
    return this.employees.changePosition(nip, dto);
  }

  @Post(':nip/terminations')
  @HttpCode(200)
  async terminate(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: TerminationDto) {
    await this.access.assertCanManage(who, nip);
    return this.employees.terminate(nip, dto);
  }

  @Post(':nip/history/:section')
  @ApiParam({ name: 'section', enum: Object.keys(HISTORY_SECTIONS) })
  async addHistory(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Param('section') section: string, @Body() dto: HistoryEntryDto) {
    const stored = historySection(section);
    if (!stored) throw notFound(`Bagian riwayat ${section}`);
    await this.access.assertCanManage(who, nip);
    return this.employees.addHistory(nip, stored, dto);
  }
}

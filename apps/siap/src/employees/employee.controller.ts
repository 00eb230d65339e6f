import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { EmployeeDetailResponse, EmployeePageResponse, EmployeeResponse, HistoryEntryResponse } from './employee.responses';
import { EmployeeService } from './employee.service';

@ApiTags('employees')
@Controller('employees')
export class EmployeeController {
  constructor(
    private readonly employees: EmployeeService,
    private readonly access: EmployeeAccess,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: EmployeeResponse })
  async register(@CurrentIdentity() who: Identity, @Body() dto: RegisterEmployeeDto): Promise<EmployeeResponse> {
    await this.access.assertCanManageUnit(who, dto.unitCode);
    return this.employees.register(dto);
  }

  @Get()
  @ApiOkResponse({ type: EmployeePageResponse })
  async list(@CurrentIdentity() who: Identity, @Query() query: EmployeeQueryDto): Promise<EmployeePageResponse> {
    return this.employees.list(query, await this.access.listFilter(who));
  }

  @Get(':nip')
  @ApiOkResponse({ type: EmployeeDetailResponse })
  async get(@CurrentIdentity() who: Identity, @Param('nip') nip: string): Promise<EmployeeDetailResponse> {
    return this.employees.read(who, nip);
  }

  @Patch(':nip')
  @ApiOkResponse({ type: EmployeeResponse })
  async update(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: UpdateEmployeeDto): Promise<EmployeeResponse> {
    await this.access.assertCanManage(who, nip);
    return this.employees.update(nip, dto);
  }

  @Post(':nip/transfers')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployeeResponse })
  async transfer(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: TransferDto): Promise<EmployeeResponse> {
    await this.access.assertCanManage(who, nip);
    await this.access.assertCanManageUnit(who, dto.unitCode);
    return this.employees.transfer(nip, dto);
  }

  @Post(':nip/promotions')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployeeResponse })
  async promote(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: PromotionDto): Promise<EmployeeResponse> {
    await this.access.assertCanManage(who, nip);
    return this.employees.promote(nip, dto);
  }

  @Post(':nip/position-changes')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployeeResponse })
  async changePosition(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: PositionChangeDto): Promise<EmployeeResponse> {
    await this.access.assertCanManage(who, nip);
    return this.employees.changePosition(nip, dto);
  }

  @Post(':nip/terminations')
  @HttpCode(200)
  @ApiOkResponse({ type: EmployeeResponse })
  async terminate(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() dto: TerminationDto): Promise<EmployeeResponse> {
    await this.access.assertCanManage(who, nip);
    return this.employees.terminate(nip, dto);
  }

  @Post(':nip/history/:section')
  @ApiParam({ name: 'section', enum: Object.keys(HISTORY_SECTIONS) })
  @ApiCreatedResponse({ type: HistoryEntryResponse })
  async addHistory(
    @CurrentIdentity() who: Identity,
    @Param('nip') nip: string,
    @Param('section') section: string,
    @Body() dto: HistoryEntryDto,
  ): Promise<HistoryEntryResponse> {
    const stored = historySection(section);
    if (!stored) throw notFound(`Bagian riwayat ${section}`);
    await this.access.assertCanManage(who, nip);
    return this.employees.addHistory(nip, stored, dto);
  }
}

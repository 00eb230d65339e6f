import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { notFound } from '@app/service-kit';
import { EmployeeQueryDto, HISTORY_SECTIONS, HistoryEntryDto, PositionChangeDto, PromotionDto, RegisterEmployeeDto, TerminationDto, TransferDto, UpdateEmployeeDto } from './employee.dto';
import { EmployeeService } from './employee.service';

@ApiTags('employees')
@Controller('employees')
export class EmployeeController {
  constructor(private readonly employees: EmployeeService) {}

  @Post()
  register(@Body() dto: RegisterEmployeeDto) {
    return this.employees.register(dto);
  }

  @Get()
  list(@Query() query: EmployeeQueryDto) {
    return this.employees.list(query);
  }

  @Get(':nip')
  get(@Param('nip') nip: string) {
    return this.employees.get(nip);
  }

  @Patch(':nip')
  update(@Param('nip') nip: string, @Body() dto: UpdateEmployeeDto) {
    return this.employees.update(nip, dto);
  }

  @Post(':nip/transfers')
  @HttpCode(200)
  transfer(@Param('nip') nip: string, @Body() dto: TransferDto) {
    return this.employees.transfer(nip, dto);
  }

  @Post(':nip/promotions')
  @HttpCode(200)
  promote(@Param('nip') nip: string, @Body() dto: PromotionDto) {
    return this.employees.promote(nip, dto);
  }

  @Post(':nip/position-changes')
  @HttpCode(200)
  changePosition(@Param('nip') nip: string, @Body() dto: PositionChangeDto) {
    return this.employees.changePosition(nip, dto);
  }

  @Post(':nip/terminations')
  @HttpCode(200)
  terminate(@Param('nip') nip: string, @Body() dto: TerminationDto) {
    return this.employees.terminate(nip, dto);
  }

  @Post(':nip/history/:section')
  @ApiParam({ name: 'section', enum: Object.keys(HISTORY_SECTIONS) })
  addHistory(@Param('nip') nip: string, @Param('section') section: string, @Body() dto: HistoryEntryDto) {
    const stored = HISTORY_SECTIONS[section as keyof typeof HISTORY_SECTIONS];
    if (!stored) throw notFound(`Bagian riwayat ${section}`);
    return this.employees.addHistory(nip, stored, dto);
  }
}

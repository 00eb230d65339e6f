import { CurrentIdentity, type Identity } from '@app/auth';
import { invalid, UNIT_CODE } from '@app/service-kit';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OpenBackdatingWindowDto } from './backdating-window.dto';
import { BackdatingWindowResponse } from './backdating-window.responses';
import { BackdatingWindows } from './backdating-window.service';

@ApiTags('backdating-windows')
@Controller('backdating-windows')
export class BackdatingWindowController {
  constructor(private readonly windows: BackdatingWindows) {}

  /** Opens a window (BKD admins only): past dates of a unit that may be filled in until it closes. Kept with who opened it and why. */
  @Post()
  @ApiCreatedResponse({ type: BackdatingWindowResponse })
  open(@CurrentIdentity() who: Identity, @Body() dto: OpenBackdatingWindowDto): Promise<BackdatingWindowResponse> {
    return this.windows.open(who, dto);
  }

  @Get()
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiOkResponse({ type: [BackdatingWindowResponse] })
  list(@CurrentIdentity() who: Identity, @Query('unitCode') unitCode?: string): Promise<BackdatingWindowResponse[]> {
    if (unitCode !== undefined && !UNIT_CODE.test(unitCode)) throw invalid('unitCode', 'harus 1–40 huruf besar, angka, titik, garis bawah atau tanda hubung');
    return this.windows.list(who, unitCode);
  }
}

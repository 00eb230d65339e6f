import { canManageEmployee, CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { validateBody } from '../common/validate-body';
import { LocationDto, LocationListDto } from './location.dto';
import { LocationResponse } from './location.responses';
import { LocationStore, ofEmployee, ofUnit, type StoredLocation } from './location.store';

/** Office BSSIDs are shown only to those who manage the locations: to anyone else they are a way to fake presence. */
const withoutBssids = (rows: StoredLocation[]) => rows.map(({ wifiBssids: _hidden, ...location }) => location);

/**
 * Office locations of a unit (used by the unit and the units below it that have none of their own),
 * and extra locations of one employee (e.g. a teacher serving two schools).
 */
@ApiTags('locations')
@Controller()
export class LocationController {
  constructor(
    private readonly locations: LocationStore,
    private readonly access: KmobAccess,
  ) {}

  @Get('locations/:unitCode')
  @ApiOkResponse({ type: [LocationResponse] })
  async unitLocations(@CurrentIdentity() who: Identity, @Param('unitCode') unitCode: string): Promise<LocationResponse[]> {
    const manages = await this.access.canManageUnit(who, unitCode);
    const rows = await this.locations.list(ofUnit(unitCode));
    return manages ? rows : withoutBssids(rows);
  }

  @Put('locations/:unitCode')
  @ApiBody({ type: [LocationDto] })
  @ApiOkResponse({ type: [LocationResponse] })
  async setUnitLocations(@CurrentIdentity() who: Identity, @Param('unitCode') unitCode: string, @Body() body: unknown): Promise<LocationResponse[]> {
    await this.access.assertCanManageUnit(who, unitCode);
    return this.locations.replace(ofUnit(unitCode), validateBody(LocationListDto, Array.isArray(body) ? { locations: body } : body).locations);
  }

  @Get('employees/:nip/locations')
  @ApiOkResponse({ type: [LocationResponse] })
  async employeeLocations(@CurrentIdentity() who: Identity, @Param('nip') nip: string): Promise<LocationResponse[]> {
    const employee = await this.access.assertCanRead(who, nip);
    const rows = await this.locations.list(ofEmployee(nip));
    return canManageEmployee(who, employee) ? rows : withoutBssids(rows);
  }

  @Put('employees/:nip/locations')
  @ApiBody({ type: [LocationDto] })
  @ApiOkResponse({ type: [LocationResponse] })
  async setEmployeeLocations(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() body: unknown): Promise<LocationResponse[]> {
    await this.access.assertCanManage(who, nip);
    return this.locations.replace(ofEmployee(nip), validateBody(LocationListDto, Array.isArray(body) ? { locations: body } : body).locations);
  }
}

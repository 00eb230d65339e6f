import { canManageEmployee, CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KmobAccess } from '../common/kmob-access';
import { validateBody } from '../common/validate-body';
import { LocationDto, LocationListDto } from './location.dto';

const SELECT = `SELECT name, latitude, longitude, radius_meters AS "radiusMeters", wifi_bssids AS "wifiBssids" FROM location`;

type LocationRow = { name: string; latitude: number; longitude: number; radiusMeters: number; wifiBssids: string[] };

/** Office BSSIDs are shown only to those who manage the locations: to anyone else they are a way to fake presence. */
const withoutBssids = (rows: LocationRow[]) => rows.map(({ wifiBssids: _hidden, ...location }) => location);

/**
 * Office locations of a unit (used by the unit and the units below it that have none of their own),
 * and extra locations of one employee (e.g. a teacher serving two schools).
 */
@ApiTags('locations')
@Controller()
export class LocationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: KmobAccess,
  ) {}

  @Get('locations/:unitCode')
  async unitLocations(@CurrentIdentity() who: Identity, @Param('unitCode') unitCode: string) {
    const manages = await this.access.canManageUnit(who, unitCode);
    const rows = (await this.dataSource.query(`${SELECT} WHERE unit_code = $1 ORDER BY id`, [unitCode])) as LocationRow[];
    return manages ? rows : withoutBssids(rows);
  }

  @Put('locations/:unitCode')
  @ApiBody({ type: [LocationDto] })
  async setUnitLocations(@CurrentIdentity() who: Identity, @Param('unitCode') unitCode: string, @Body() body: unknown) {
    await this.access.assertCanManageUnit(who, unitCode);
    return this.replace('unit_code', unitCode, validateBody(LocationListDto, Array.isArray(body) ? { locations: body } : body).locations);
  }

  @Get('employees/:nip/locations')
  async employeeLocations(@CurrentIdentity() who: Identity, @Param('nip') nip: string) {
    const employee = await this.access.assertCanRead(who, nip);
    const rows = (await this.dataSource.query(`${SELECT} WHERE nip = $1 ORDER BY id`, [nip])) as LocationRow[];
    return canManageEmployee(who, employee) ? rows : withoutBssids(rows);
  }

  @Put('employees/:nip/locations')
  @ApiBody({ type: [LocationDto] })
  async setEmployeeLocations(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Body() body: unknown) {
    await this.access.assertCanManage(who, nip);
    return this.replace('nip', nip, validateBody(LocationListDto, Array.isArray(body) ? { locations: body } : body).locations);
  }

  private async replace(column: 'unit_code' | 'nip', key: string, locations: LocationDto[]) {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM location WHERE ${column} = $1`, [key]);
      for (const l of locations) {
        await m.query(`INSERT INTO location (${column}, name, latitude, longitude, radius_meters, wifi_bssids) VALUES ($1, $2, $3, $4, $5, $6)`, [
          key,
          l.name,
          l.latitude,
          l.longitude,
          l.radiusMeters,
          l.wifiBssids ?? [],
        ]);
      }
    });
    return this.dataSource.query(`${SELECT} WHERE ${column} = $1 ORDER BY id`, [key]);
  }
}

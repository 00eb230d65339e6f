import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, invalid, UNIT_CODE } from '@app/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { TeamMemberResponse, TodayResponse } from './attendance.responses';
import { AttendanceToday, TEAM_LIMIT } from './today.service';

/** Today as it stands, in the province's local time (WITA): the caller's own day, and an atasan's or a unit's team. */
@ApiTags('attendance')
@Controller('attendance')
export class TodayController {
  constructor(
    private readonly today: AttendanceToday,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
  ) {}

  /** The day so far: check-in and check-out, the provisional status, a request covering today. Cheap: what every phone reads in the morning. */
  @Get('today')
  @ApiQuery({ name: 'nip', required: false, description: 'Someone the caller may read; default: the caller' })
  @ApiOkResponse({ type: TodayResponse })
  async own(@CurrentIdentity() who: Identity, @Query('nip') nip?: string): Promise<TodayResponse> {
    const target = nip ?? who.nip;
    if (target !== who.nip) await this.access.assertCanRead(who, target);
    const [view] = await this.today.views([target], this.clock.today());
    if (!view)
      throw new ApiError(
        404,
        target === who.nip ? 'Data kepegawaian Anda belum tersedia di K-Mob; hubungi operator OPD' : `Pegawai dengan NIP ${target} tidak ditemukan`,
      );
    return view;
  }

  /** An atasan's direct subordinates (an empty list for anyone without), or with ?unitCode= a unit an operator or admin manages; sorted by name, each with today's fields. */
  @Get('team')
  @ApiQuery({
    name: 'unitCode',
    required: false,
    description: `For operators and admins: a unit they manage, with the units below it (the first ${TEAM_LIMIT} people by name)`,
  })
  @ApiOkResponse({ type: [TeamMemberResponse] })
  async team(@CurrentIdentity() who: Identity, @Query('unitCode') unitCode?: string): Promise<TeamMemberResponse[]> {
    const date = this.clock.today();
    if (unitCode === undefined) return this.today.subordinates(who, date);
    if (typeof unitCode !== 'string' || !UNIT_CODE.test(unitCode)) throw invalid('unitCode', 'harus berupa kode unit, mis. BKD-MUTASI');
    await this.access.assertCanManageUnit(who, unitCode);
    return this.today.unit(unitCode, date);
  }
}

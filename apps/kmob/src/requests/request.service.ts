import { randomUUID } from 'node:crypto';
import { AttendanceEvents, type RequestType } from '@app/contracts';
import { canReadEmployee, type Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, conflict, invalid, notFound, preparedQuery, SERVICE_CONFIG, uuidParam } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FORBIDDEN, KmobAccess, type ProjectedEmployee } from '../common/kmob-access';
import { LocalClock, monthStartsBetween } from '../common/local-clock';
import { daysInclusive, overlapping } from '../domain/leave';
import { StoredFiles } from '../files/stored-files';
import { decodeUpload } from '../files/uploads';
import type { KmobConfig } from '../kmob.config';
import { MonthCloseService } from '../months/month-close.service';
import { RuleStore, type RequestTypeLimit } from '../rules/rule-store';
import type { EffectiveRule } from '../domain/effective-rules';
import { LeaveBalances } from './leave-balance';
import type { CreateRequestDto, RequestQueryDto } from './request.dto';
import { COLUMNS, DECIDABLE_BY_ATASAN_SQL, DECIDABLE_SQL, VISIBLE_SQL } from './request-list.sql';

export interface RequestView {
  id: string;
  nip: string;
  type: RequestType;
  startDate: string;
  endDate: string;
  reason: string;
  workingDays: number;
  status: string;
  attachmentId: string | null;
  createdBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** The employee's name, in lists. */
  name?: string;
}

const refuse = (message: string, field = 'type', info?: Record<string, unknown>) => new ApiError(422, message, [{ field, message }], info);

const ALLOWED_ON_OFF_DAYS: RequestType[] = ['DINAS_LUAR', 'WFH', 'CLTN'];
const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Field duty, WFH, izin, sakit and leave requests. The employee files them (or an operator for them);
 * the atasan, an operator of the unit or BKD decides. A request overlapping another open or approved
 * one, or annual leave beyond the balance, is refused with the reason.
 */
@Injectable()
export class RequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: KmobAccess,
    private readonly rules: RuleStore,
    private readonly balances: LeaveBalances,
    private readonly months: MonthCloseService,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly files: StoredFiles,
    @Inject(SERVICE_CONFIG) private readonly config: KmobConfig,
  ) {}

  async create(who: Identity, dto: CreateRequestDto): Promise<RequestView> {
    const nip = dto.nip ?? who.nip;
    const employee = nip === who.nip ? await this.access.employee(nip) : await this.access.assertCanManage(who, nip);
    if (employee.status !== 'AKTIF') throw refuse('Permohonan hanya untuk pegawai aktif', 'nip');
    if (dto.endDate < dto.startDate) throw invalid('endDate', 'tidak boleh sebelum startDate');
    await this.checkSpanAndWindow(dto);
    const attachment = dto.attachment
      ? decodeUpload(dto.attachment, 'attachment', ['application/pdf', 'image/jpeg', 'image/png'], this.config.UPLOAD_MAX_BYTES)
      : null;
    return this.dataSource.transaction(async (m) => {
      // One request at a time per employee, so two overlapping requests cannot both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kmob-request:' || $1))`, [nip]);
      const open = (await m.query(
        `SELECT ${COLUMNS} FROM attendance_request r WHERE r.nip = $1 AND r.status IN ('PENDING', 'APPROVED') AND r.end_date >= $2 AND r.start_date <= $3`,
        [nip, dto.startDate, dto.endDate],
      )) as RequestView[];
      const clash = overlapping(
        open.map((r) => ({ ...r, start: r.startDate, end: r.endDate })),
        { start: dto.startDate, end: dto.endDate },
      );
      if (clash)
        throw refuse(`Tanggal permohonan bertumpang tindih dengan ${clash.type} ${clash.startDate} s.d. ${clash.endDate} (${clash.status})`, 'startDate');
      const calendar = await this.rules.calendar(dto.startDate, dto.endDate, m);
      const workingDays = calendar.countWorkingDays(employee.unitPath, { start: dto.startDate, end: dto.endDate });
      // Field duty and WFH may fall on an off day (an event on a Saturday); leave and permission need a working day.
      if (workingDays === 0 && !ALLOWED_ON_OFF_DAYS.includes(dto.type))
        throw refuse(`Tidak ada hari kerja antara ${dto.startDate} dan ${dto.endDate}`, 'startDate');
      await this.checkLimits(m, employee, dto, workingDays);
      const attachmentId = attachment ? randomUUID() : null;
      if (attachment) await this.files.save(m, attachmentId!, nip, 'ATTACHMENT', attachment);
      const [created] = (await m.query(
        `INSERT INTO attendance_request AS r (nip, type, start_date, end_date, reason, working_days, attachment_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [nip, dto.type, dto.startDate, dto.endDate, dto.reason, workingDays, attachmentId, who.nip],
      )) as RequestView[];
      return created;
    });
  }

  /**
   * How long a request of its type may be and how far from today it may start, by the rules in force
   * today (filing happens today): checked before anything is counted or locked, so no request, however
   * wide its dates, costs more than any other.
   */
  private async checkSpanAndWindow(dto: CreateRequestDto): Promise<void> {
    const today = this.clock.today();
    const rules = await this.rules.leaveTypes(today);
    const limit = rules.value[dto.type] as RequestTypeLimit | undefined;
    if (!limit) throw refuse(`Belum ada aturan lama dan waktu pengajuan ${dto.type} yang berlaku; hubungi admin BKD`);
    const info = (rule: string, value: number) => ({ rule: 'leave-types', effectiveFrom: rules.effectiveFrom, type: dto.type, [rule]: value });
    const days = daysInclusive(dto.startDate, dto.endDate);
    if (days > limit.maxCalendarDays) {
      throw refuse(
        `${dto.type} paling lama ${limit.maxCalendarDays} hari kalender; diminta ${days} hari`,
        'endDate',
        info('maxCalendarDays', limit.maxCalendarDays),
      );
    }
    if (dto.startDate < addDays(today, -limit.maxDaysBack)) {
      throw refuse(
        `${dto.type} paling lambat diajukan ${limit.maxDaysBack} hari setelah tanggal mulainya`,
        'startDate',
        info('maxDaysBack', limit.maxDaysBack),
      );
    }
    if (dto.startDate > addDays(today, limit.maxDaysAhead)) {
      throw refuse(
        `${dto.type} paling cepat diajukan ${limit.maxDaysAhead} hari sebelum tanggal mulainya`,
        'startDate',
        info('maxDaysAhead', limit.maxDaysAhead),
      );
    }
  }

  private async checkLimits(m: EntityManager, employee: ProjectedEmployee, dto: CreateRequestDto, workingDays: number): Promise<void> {
    if (dto.type === 'CUTI_TAHUNAN') {
      if (dto.startDate.slice(0, 4) !== dto.endDate.slice(0, 4))
        throw refuse('Cuti tahunan harus diajukan per tahun; pisahkan permohonan di pergantian tahun', 'endDate');
      const balance = await this.balances.annual(employee.nip, Number(dto.startDate.slice(0, 4)), employee.tmtCpns, m);
      if (workingDays > balance.requestable) {
        throw refuse(
          `Sisa cuti tahunan ${balance.year} tidak cukup: diminta ${workingDays} hari kerja, tersedia ${balance.requestable} hari (sisa ${balance.remaining}, menunggu persetujuan ${balance.pending})`,
        );
      }
      return;
    }
    const rules: EffectiveRule<Record<string, RequestTypeLimit>> = await this.rules.leaveTypes(this.clock.today(), m);
    const limits = rules.value[dto.type];
    if (limits?.minServiceYears !== undefined) {
      const served = (Date.parse(dto.startDate) - Date.parse(employee.tmtCpns)) / (365.25 * DAY_MS);
      if (served < limits.minServiceYears)
        throw refuse(`${dto.type} baru dapat diambil setelah ${limits.minServiceYears} tahun masa kerja (TMT CPNS ${employee.tmtCpns})`);
    }
  }

  async approve(who: Identity, id: string): Promise<RequestView> {
    return this.decide(who, id, 'APPROVED', null);
  }

  async reject(who: Identity, id: string, note: string | undefined): Promise<RequestView> {
    if (!note?.trim()) throw invalid('note', 'wajib diisi saat menolak');
    return this.decide(who, id, 'REJECTED', note.trim());
  }

  private async decide(who: Identity, id: string, status: 'APPROVED' | 'REJECTED', note: string | null): Promise<RequestView> {
    const request = await this.get(who, id);
    if (request.createdBy === who.nip) throw new ApiError(403, 'Permohonan yang Anda ajukan sendiri harus diputuskan oleh atasan, operator atau admin lain');
    await this.access.assertCanDecide(who, request.nip);
    return this.dataSource.transaction(async (m) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[updated]] = (await m.query(
        `UPDATE attendance_request r SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4
         WHERE id = $1 AND status = 'PENDING' RETURNING ${COLUMNS}`,
        [id, status, who.nip, note],
      )) as [RequestView[], number];
      if (!updated) throw conflict(`Permohonan ini sudah diputuskan (${request.status})`);
      if (status === 'APPROVED') {
        await this.outbox.publish(m, AttendanceEvents.requestApproved, {
          key: updated.nip,
          data: {
            id,
            nip: updated.nip,
            type: updated.type,
            startDate: updated.startDate,
            endDate: updated.endDate,
            workingDays: updated.workingDays,
            approvedBy: who.nip,
          },
        });
        // Approved after its month was closed (sick leave filed on return, say): that month is corrected.
        const touched = monthStartsBetween(updated.startDate, updated.endDate).map((date) => ({ nip: updated.nip, date }));
        await this.months.correct(m, touched);
      }
      return updated;
    });
  }

  /** The employee (or an operator for them) withdraws a request nobody has decided yet. */
  async cancel(who: Identity, id: string): Promise<RequestView> {
    const request = await this.get(who, id);
    if (request.nip !== who.nip) await this.access.assertCanManage(who, request.nip);
    const [[cancelled]] = (await this.dataSource.query(
      `UPDATE attendance_request r SET status = 'CANCELLED', decided_by = $2, decided_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING ${COLUMNS}`,
      [id, who.nip],
    )) as [RequestView[], number];
    if (!cancelled) throw conflict(`Hanya permohonan yang belum diputuskan yang dapat dibatalkan (status ${request.status})`);
    return cancelled;
  }

  async get(who: Identity, id: string): Promise<RequestView> {
    uuidParam(id, `Permohonan ${id}`);
    const [request] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM attendance_request r WHERE r.id = $1`, [id])) as RequestView[];
    if (!request) throw notFound(`Permohonan ${id}`);
    const employee = await this.access.employee(request.nip);
    if (!canReadEmployee(who, employee) && employee.atasanNip !== who.nip) throw new ApiError(403, FORBIDDEN);
    return request;
  }

  /**
   * The caller's own requests and those they may decide (subordinates as SiapScope decides, units, or
   * all for BKD); with `decidable`, only the approvals inbox: pending requests of others the caller may
   * decide now.
   */
  async list(who: Identity, query: RequestQueryDto): Promise<RequestView[]> {
    const admin = who.roles.includes('ADMIN_BKD');
    const operator = who.roles.includes('OPERATOR_OPD');
    const filters = [query.nip ?? null, query.status ?? null, who.nip];
    if (query.decidable !== true)
      return preparedQuery<RequestView>(this.dataSource, 'kmob-requests-visible', VISIBLE_SQL, [...filters, admin, operator, who.unitCode]);
    // An atasan's inbox (the rush's read) starts from their subordinates; BKD's and an operator's from the pending requests.
    if (!admin && !operator) return preparedQuery<RequestView>(this.dataSource, 'kmob-requests-decidable-atasan', DECIDABLE_BY_ATASAN_SQL, filters);
    return preparedQuery<RequestView>(this.dataSource, 'kmob-requests-decidable', DECIDABLE_SQL, [...filters, admin, operator, who.unitCode]);
  }
}

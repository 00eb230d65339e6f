import { ApiProperty } from '@nestjs/swagger';
import type { DisciplineDay, DisciplineUnitShare } from '@app/contracts';
import type { ResolvedDay } from '../domain/month-resolution';
import type { MonthSummary } from './day-resolver';
import type { TeamMemberView, TodayMark, TodayView } from './today.service';

/** Response shapes of the attendance routes (OpenAPI; the portal's types are generated from them). */

const STATUS = 'H, TL1–TL4, PSW1–PSW4, DL, C, S, I, TK or L';

export class ResolvedDayResponse implements ResolvedDay {
  @ApiProperty({ format: 'date', example: '2026-11-30' }) date!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ description: STATUS, example: 'TL1' }) status!: string;
  @ApiProperty() minutesLate!: number;
  @ApiProperty() minutesEarly!: number;
  @ApiProperty() deductionPercent!: number;
  @ApiProperty({ type: [String], description: 'The bands that produced the deduction, e.g. "TL1 0.5%"' }) applied!: string[];
  @ApiProperty({ type: String, nullable: true, example: '07:45', description: 'Local time (WITA) of the first check-in' }) checkIn!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '16:05' }) checkOut!: string | null;
  @ApiProperty({ type: String, nullable: true }) holiday!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The approved request type that decided the day' }) request!: string | null;
}

export class DaysResponse {
  @ApiProperty() nip!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ type: [ResolvedDayResponse] }) days!: ResolvedDayResponse[];
}

export class UnitShareResponse implements DisciplineUnitShare {
  @ApiProperty() unitCode!: string;
  @ApiProperty() workingDays!: number;
  @ApiProperty() deductionPercent!: number;
}

export class ContributingDayResponse implements DisciplineDay {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() status!: string;
  @ApiProperty() minutesLate!: number;
  @ApiProperty() minutesEarly!: number;
  @ApiProperty() deductionPercent!: number;
}

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: `Days per status code (${STATUS})`,
  example: { H: 18, TL1: 2 },
} as const;

export class SummaryResponse implements MonthSummary {
  @ApiProperty() nip!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty(COUNTS) counts!: Record<string, number>;
  @ApiProperty({ description: "The month's deduction so far, capped" }) deductionPercent!: number;
  @ApiProperty({ type: [UnitShareResponse] }) units!: UnitShareResponse[];
  @ApiProperty({ type: [ContributingDayResponse] }) contributingDays!: ContributingDayResponse[];
  @ApiProperty({ description: 'The discipline rules that capped the month' }) rulesSource!: string;
  @ApiProperty({ type: [ResolvedDayResponse] }) days!: ResolvedDayResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Latest published version when the month was closed' }) closedVersion!: number | null;
  @ApiProperty({ description: 'The month is over' }) complete!: boolean;
}

export class TodayMarkResponse implements TodayMark {
  @ApiProperty({ format: 'date-time', description: 'When it counts' }) at!: string;
  @ApiProperty({ example: '07:28', description: 'Local time (WITA) it counts at' }) localTime!: string;
  @ApiProperty({ format: 'date-time', description: 'When the server received it; later than `at` for a check-in made without signal' }) receivedAt!: string;
  @ApiProperty({ description: "Counts at the phone's time (made without signal, sent later)" }) deviceTime!: boolean;
  @ApiProperty({ enum: ['MOBILE', 'IMPORT'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) locationName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) distanceMeters!: number | null;
}

export class TodayRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DINAS_LUAR' }) type!: string;
  @ApiProperty({ enum: ['APPROVED', 'PENDING'] }) status!: string;
}

export class TodayResponse implements TodayView {
  @ApiProperty() nip!: string;
  @ApiProperty({ format: 'date', description: 'Today in WITA' }) date!: string;
  @ApiProperty({ description: "The employee's unit works today and it is no holiday" }) workingDay!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The holiday's name" }) holiday!: string | null;
  @ApiProperty({ type: TodayMarkResponse, nullable: true, description: 'The first check-in' }) checkIn!: TodayMarkResponse | null;
  @ApiProperty({ type: TodayMarkResponse, nullable: true, description: 'The last check-out' }) checkOut!: TodayMarkResponse | null;
  @ApiProperty({ type: String, nullable: true, description: `Provisional status (${STATUS}); null while nothing decides the day yet` }) status!: string | null;
  @ApiProperty({ type: TodayRequestResponse, nullable: true, description: 'An approved (else pending) request covering today' })
  request!: TodayRequestResponse | null;
}

export class TeamMemberResponse extends TodayResponse implements TeamMemberView {
  @ApiProperty() name!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() positionCode!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The jabatan, when K-Mob knows the position' }) positionName!: string | null;
}

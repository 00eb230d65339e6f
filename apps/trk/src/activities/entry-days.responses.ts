import { ApiProperty } from '@nestjs/swagger';

export class EntryDayResponse {
  @ApiProperty({ format: 'date', example: '2026-06-10' }) date!: string;
  @ApiProperty({
    format: 'date-time',
    description: "When entries for this date stop being accepted: today's cut-off, or the closing of the back-dating window that allows it (the later one)",
  })
  closesAt!: string;
  @ApiProperty({ description: 'Allowed only by a back-dating window (a past date, a day off, or today after the cut-off)' }) viaWindow!: boolean;
  @ApiProperty({ description: "The day's working minutes by its schedule: the most its entries may add up to" }) workingMinutes!: number;
  @ApiProperty({ description: 'Minutes already entered that day: pending ones as claimed, verified ones as they count, rejected ones not at all' })
  minutesSoFar!: number;
}

export class EntryDaysResponse {
  @ApiProperty({ format: 'date', description: 'Today in local time (WITA)' }) today!: string;
  @ApiProperty({ format: 'date-time', description: 'Server time the answer was computed at' }) now!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why today cannot be entered now (the cut-off has passed, a day off), or null when it can' })
  todayRefusal!: string | null;
  @ApiProperty({ type: [EntryDayResponse], description: 'Every date the caller may enter now, newest first' }) days!: EntryDayResponse[];
}

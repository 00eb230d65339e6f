import { CalendarEvents, type HolidaySetEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holidays are announced on kmob.calendar.v1 since this version. The days K-Mob already has (the seed
 * and any admin edit made before) are announced once here, so a consumer's copy starts equal to K-Mob's
 * instead of to its own seed; the outbox table exists by now (the messaging migration runs first), so
 * the relay sends them like any other event. Setting a day TRK already has is a no-op there.
 */
export class HolidaysAnnounced1732790300000 implements MigrationInterface {
  name = 'HolidaysAnnounced1732790300000';

  async up(q: QueryRunner): Promise<void> {
    const days = (await q.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM holiday ORDER BY date`)) as HolidaySetEventData[];
    await new OutboxPublisher('/sulteng/kmob').publishMany(
      q.manager,
      CalendarEvents.holidaySet,
      days.map((data) => ({ key: data.date, data })),
    );
  }

  async down(): Promise<void> {
    // What was announced stays announced: consumers keep their copy, as they would of any event.
  }
}

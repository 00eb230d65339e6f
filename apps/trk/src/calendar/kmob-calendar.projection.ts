import { CalendarEvents, type HolidayRemovedEventData, type HolidaySetEventData } from '@app/contracts';
import { EventProjection, KafkaConnection, type EventConsumer, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * K-Mob's holidays (kmob.calendar.v1) into TRK's holiday table, which decides the working days of
 * entries and of the live norm. Idempotent: the consumer's inbox skips a redelivered event, and setting
 * or removing a date is the same whether done once or twice; the date as key keeps each day's events in
 * order. Months TRK has already closed are not corrected: a closed month keeps the calendar it was
 * closed with, as it keeps its other rules.
 */
@Injectable()
export class KmobCalendarProjection extends EventProjection {
  constructor(@InjectDataSource() dataSource: DataSource, kafka: KafkaConnection, @Inject(SERVICE_LOGGER) logger: Logger) {
    super(kafka, dataSource, { name: 'trk-calendar', log: logger, description: 'K-Mob calendar projection' });
  }

  protected subscribe(consumer: EventConsumer): void {
    consumer.on(CalendarEvents.holidaySet, (event, m) => this.set(event, m));
    consumer.on(CalendarEvents.holidayRemoved, (event, m) => this.remove(event, m));
  }

  async set(event: CloudEvent<HolidaySetEventData>, m: EntityManager): Promise<void> {
    const h = event.data;
    await m.query(`INSERT INTO holiday (date, kind, name, source) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO UPDATE SET kind = $2, name = $3, source = $4`, [
      h.date,
      h.kind,
      h.name,
      h.source,
    ]);
  }

  async remove(event: CloudEvent<HolidayRemovedEventData>, m: EntityManager): Promise<void> {
    await m.query('DELETE FROM holiday WHERE date = $1', [event.data.date]);
  }
}

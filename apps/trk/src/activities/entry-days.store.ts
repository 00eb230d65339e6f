import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The dates an open back-dating window lets be filled in. */
export interface OpenWindowSpan {
  from: string;
  to: string;
}

/** Which back-dating windows could let an employee enter past dates right now. */
@Injectable()
export class EntryDaysStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Windows open at `now` for any unit the employee has belonged to (or a unit above it): a window is
   * opened for a unit, and the employee may have moved since the dates it covers, so every unit of
   * their history counts here; each date is then checked against the unit they were in that day.
   */
  openWindowsReaching(nip: string, now: Date): Promise<OpenWindowSpan[]> {
    return this.dataSource.query(
      `SELECT DISTINCT to_char(w.from_date, 'YYYY-MM-DD') AS "from", to_char(w.to_date, 'YYYY-MM-DD') AS "to"
       FROM backdating_window w
       WHERE w.opens_at <= $2 AND w.closes_at > $2
         AND w.unit_code IN (SELECT unnest(u.unit_path) FROM employee_unit u WHERE u.nip = $1 AND u.unit_path IS NOT NULL)`,
      [nip, now],
    ) as Promise<OpenWindowSpan[]>;
  }
}

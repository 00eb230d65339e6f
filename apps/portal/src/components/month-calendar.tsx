import { formatDate } from '../format';
import { t } from '../i18n';
import { statusTone } from './status-badge';

export interface CalendarDay {
  date: string;
  status: string;
  checkIn: string | null;
  checkOut: string | null;
}

const WEEKDAYS = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'];

/**
 * A month as a Monday-first grid: each day its number and status code on screen, and for a screen
 * reader one sentence (the date, the status in words, the times), read as a list in date order.
 */
export function MonthCalendar({ month, days }: { month: string; days: CalendarDay[] }) {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const [year, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const firstColumn = ((new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7) + 1;
  const dates = Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  return (
    <>
      <div className="calendar" aria-hidden="true">
        {WEEKDAYS.map((d) => (
          <div key={d} className="head">
            {d}
          </div>
        ))}
      </div>
      <ol className="calendar" aria-label={t.attendance.title}>
        {dates.map((date, i) => {
          const day = byDate.get(date);
          const words = day ? (t.status[day.status] ?? day.status) : '–';
          const times = [day?.checkIn && `${t.home.checkedIn} ${day.checkIn}`, day?.checkOut && `${t.home.checkedOut} ${day.checkOut}`]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={date} className="day" style={i === 0 ? { gridColumnStart: firstColumn } : undefined}>
              <span aria-hidden="true">
                {Number(date.slice(8))}
                {day && (
                  <>
                    <br />
                    <span className={`badge ${statusTone(day.status)}`}>{day.status}</span>
                  </>
                )}
                {day?.checkIn && <span className="muted"> {day.checkIn}</span>}
              </span>
              <span className="visually-hidden">{`${formatDate(date)}: ${day ? `${day.status}, ${words}` : words}${times ? `; ${times}` : ''}`}</span>
            </li>
          );
        })}
      </ol>
      <ul className="legend" aria-label="Keterangan kode">
        {Object.entries(t.status).map(([code, w]) => (
          <li key={code}>
            <strong>{code}</strong> {w}
          </li>
        ))}
      </ul>
    </>
  );
}

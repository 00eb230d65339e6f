/**
 * The SQL of the entry path, for a batch of entries at once (ActivityEntryService): one statement
 * reads what every entry is judged by, one takes the employee-days' locks, one writes the entries that
 * fit their day and their events.
 */

/**
 * SQL: the minutes already entered for an employee's day (columns or parameters `nip`, `date`): pending
 * entries as claimed, verified ones as they count, rejected ones not at all.
 */
export const DAY_MINUTES_SQL = (nip: string, date: string) =>
  `(SELECT coalesce(sum(coalesce(a.verified_minutes, a.minutes)), 0) FROM activity a WHERE a.nip = ${nip} AND a.activity_date = ${date} AND a.status <> 'REJECTED')`;

/** What an entry of the batch is judged by, one row per input in input order ($1 NIPs, $2 dates, $3 catalogue codes or null). */
export const ENTRY_CONTEXT_SQL = `
  SELECT i.n::int AS n, e.status, e.position_code, p.type AS position_type, u.unit_code, u.unit_path,
         c.code, c.name, c.standard_minutes, c.evidence_required, c.position_type AS catalogue_position_type, c.position_code AS catalogue_position_code,
         EXISTS (SELECT 1 FROM holiday h WHERE h.date = i.day) AS holiday,
         ${DAY_MINUTES_SQL('i.nip', 'i.day')}::int AS day_minutes,
         (SELECT coalesce(json_agg(json_build_object('id', w.id, 'from', to_char(w.from_date, 'YYYY-MM-DD'), 'to', to_char(w.to_date, 'YYYY-MM-DD'),
                                                     'opensAt', w.opens_at, 'closesAt', w.closes_at)), '[]')
            FROM backdating_window w WHERE w.unit_code = ANY(u.unit_path) AND w.from_date <= i.day AND w.to_date >= i.day) AS windows
  FROM unnest($1::text[], $2::date[], $3::text[]) WITH ORDINALITY AS i(nip, day, code, n)
  LEFT JOIN employee e ON e.nip = i.nip
  LEFT JOIN position p ON p.code = e.position_code
  LEFT JOIN LATERAL (SELECT eu.unit_code, eu.unit_path FROM employee_unit eu WHERE eu.nip = i.nip AND eu.valid_from <= i.day
                     ORDER BY eu.valid_from DESC LIMIT 1) u ON true
  LEFT JOIN catalogue_activity c ON c.code = i.code
  ORDER BY i.n`;

export interface EntryContextRow {
  n: number;
  status: string | null;
  position_code: string | null;
  position_type: string | null;
  unit_code: string | null;
  unit_path: string[] | null;
  code: string | null;
  name: string;
  standard_minutes: number;
  evidence_required: boolean;
  catalogue_position_type: string | null;
  catalogue_position_code: string | null;
  holiday: boolean;
  day_minutes: number;
  windows: { id: string; from: string; to: string; opensAt: string; closesAt: string }[];
}

/**
 * Two entries for the same employee and day are checked against the day's total one after the other,
 * never both against the same sum: each employee-day's lock is held to the end of the transaction, taken
 * in a fixed order so that two batches never wait on each other. ($1 the keys, NIP/date.)
 */
export const LOCK_DAYS_SQL = `
  SELECT count(pg_advisory_xact_lock(hashtext('trk-activity-day'), hashtext(k)))::int AS locked
  FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`;

/** The entry's columns in the order of the write's arrays. */
export const ENTRY_COLUMNS = [
  ['id', 'uuid'],
  ['nip', 'text'],
  ['activity_date', 'date'],
  ['unit_code', 'text'],
  ['catalogue_code', 'text'],
  ['catalogue_name', 'text'],
  ['description', 'text'],
  ['quantity', 'int'],
  ['minutes', 'int'],
  ['standard_minutes', 'int'],
  ['target_id', 'uuid'],
  ['evidence_id', 'uuid'],
  ['backdating_window_id', 'uuid'],
  ['created_at', 'timestamptz'],
] as const;

/** The day's working minutes of each entry, the array after the entry's columns. */
const WORKING = ENTRY_COLUMNS.length + 1;
/** Evidence rows (stored_file) as arrays after it: id, nip, content type, size, storage key, sha256. */
const FILES = WORKING + 1;

/**
 * Writes the entries that still fit their day (read after the locks, so after every earlier entry of
 * that day committed), their evidence rows and, appended by the caller, their events: one statement.
 * The outbox INSERT follows and keeps only the events of the entries written.
 */
export const STORE_ENTRIES_PREFIX = `
  WITH input AS (
    SELECT * FROM unnest(${ENTRY_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}, $${WORKING}::int[])
      AS i(${ENTRY_COLUMNS.map(([column]) => column).join(', ')}, working_minutes)),
  fits AS (
    SELECT i.* FROM input i
    WHERE ${DAY_MINUTES_SQL('i.nip', 'i.activity_date')} + i.minutes <= i.working_minutes),
  files AS (
    INSERT INTO stored_file (id, nip, content_type, size_bytes, storage_key, sha256)
    SELECT f.* FROM unnest($${FILES}::uuid[], $${FILES + 1}::text[], $${FILES + 2}::text[], $${FILES + 3}::int[], $${FILES + 4}::text[], $${FILES + 5}::text[])
      AS f(id, nip, content_type, size_bytes, storage_key, sha256)
    WHERE f.id IN (SELECT evidence_id FROM fits)),
  c AS (
    INSERT INTO activity (${ENTRY_COLUMNS.map(([column]) => column).join(', ')})
    SELECT ${ENTRY_COLUMNS.map(([column]) => column).join(', ')} FROM fits RETURNING id)`;

/** The parameter the outbox INSERT's arrays start at. */
export const STORE_EVENTS_FIRST_PARAM = FILES + 6;

import { SiapScope } from '@app/siap-read-model';

/** The statements of the request lists (RequestService.list), prepared: the approvals inbox is read by every atasan at the rush. */

/** The columns of a request as the API answers it (RequestView), from attendance_request aliased r. */
export const COLUMNS = `r.id, r.nip, r.type, to_char(r.start_date, 'YYYY-MM-DD') AS "startDate", to_char(r.end_date, 'YYYY-MM-DD') AS "endDate", r.reason,
  r.working_days AS "workingDays", r.status, r.attachment_id AS "attachmentId", r.created_by AS "createdBy", r.created_at AS "createdAt",
  r.decided_by AS "decidedBy", r.decided_at AS "decidedAt", r.decision_note AS "decisionNote"`;

/**
 * The requests a caller sees: their own and those they may decide (canDecideRequest on the read model):
 * BKD all, an operator their units', an atasan their subordinates' (SiapScope). $1 nip and $2 status
 * filter; $3 the caller, $4 admin, $5 operator, $6 the operator's unit.
 */
export const VISIBLE_SQL = `
  SELECT ${COLUMNS}, e.name FROM attendance_request r JOIN employee e ON e.nip = r.nip
  WHERE ($1::text IS NULL OR r.nip = $1) AND ($2::text IS NULL OR r.status = $2)
    AND (r.nip = $3 OR $4 OR ($5 AND e.unit_path @> ARRAY[$6::text]) OR r.nip IN ${SiapScope.subordinatesOf('$3')})
  ORDER BY r.created_at DESC LIMIT 500`;

/** The approvals inbox: pending, neither the caller's own nor filed by the caller, oldest (the longest waiting) first. */
const INBOX = `r.status = 'PENDING' AND r.nip <> $3 AND r.created_by <> $3 AND ($1::text IS NULL OR r.nip = $1) AND ($2::text IS NULL OR r.status = $2)`;
const INBOX_ORDER = 'ORDER BY r.created_at, r.id LIMIT 500';

/** BKD's or an operator's inbox (parameters as VISIBLE_SQL's). */
export const DECIDABLE_SQL = `
  SELECT ${COLUMNS}, e.name FROM attendance_request r JOIN employee e ON e.nip = r.nip
  WHERE ${INBOX} AND ($4 OR ($5 AND e.unit_path @> ARRAY[$6::text]) OR r.nip IN ${SiapScope.subordinatesOf('$3')})
  ${INBOX_ORDER}`;

/** An atasan's inbox: their subordinates' requests, each subordinate's found by its index (attendance_request by NIP). */
export const DECIDABLE_BY_ATASAN_SQL = `
  SELECT ${COLUMNS}, e.name FROM attendance_request r JOIN employee e ON e.nip = r.nip
  WHERE r.nip IN ${SiapScope.subordinatesOf('$3')} AND ${INBOX}
  ${INBOX_ORDER}`;

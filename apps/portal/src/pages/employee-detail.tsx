import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import { keys } from '../api/queries';
import type { components } from '../api/schema';
import { EmployeeFacts, EmployeeHistory, useEmployee, type EmployeeRecord } from '../components/employee-facts';
import { Field } from '../components/field';
import { Loading, Notice, ProblemNotice } from '../components/notice';
import { golonganFor, rankLabel, unitSubtree, usePositionNames, useUnitNames, useUnitPositions, useUnits } from '../components/organisation';
import { Page } from '../components/page';
import { formatDate } from '../format';
import { fill, t } from '../i18n';
import { hasRole, useSession } from '../session/session';

const REASONS = Object.keys(t.employees.terminationReasons);
type TerminationReason = components['schemas']['TerminationDto']['reason'];

const value = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** The decree every career action names: its number and TMT. */
const decree = (form: FormData) => ({ skNumber: value(form, 'skNumber'), tmt: value(form, 'tmt') });
/** A typed date in words; a browser without a date picker may let anything through, which stays as typed. */
const dateWords = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? formatDate(day) : day);

/** Pegawai › one employee: the record, the riwayat, and the career actions an operator or BKD may take. */
export default function EmployeeDetailPage() {
  const { nip } = useParams<{ nip: string }>();
  const employee = useEmployee(nip);
  return (
    <Page
      title={employee.data?.name ?? t.employees.title}
      actions={
        <Link className="button" href="/pegawai">
          {t.employees.back}
        </Link>
      }
    >
      {!employee.data ? (
        <Loading error={employee.error} />
      ) : (
        <>
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t.employees.facts}</h2>
            <EmployeeFacts employee={employee.data} />
          </section>
          <CareerActions employee={employee.data} />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t.profile.history}</h2>
            <EmployeeHistory history={employee.data.history} />
          </section>
        </>
      )}
    </Page>
  );
}

/** Mutasi, kenaikan pangkat, pindah jabatan and pemberhentian, each based on the version of the record shown. */
function CareerActions({ employee }: { employee: EmployeeRecord }) {
  const user = useSession()!.user;
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const own = employee.nip === user.nip;
  const active = employee.status === 'AKTIF';
  // What happened is said at the top of the section, and the focus goes there, so it is seen and heard.
  const report = (message: string | null) => {
    setDone(message);
    if (message) requestAnimationFrame(() => doneRef.current?.focus());
  };
  return (
    <section className="card" aria-labelledby="career-heading">
      <h2 id="career-heading">{t.employees.career}</h2>
      <div ref={doneRef} tabIndex={-1}>
        {done && <Notice tone="success">{done}</Notice>}
      </div>
      {own ? (
        <Notice>{t.employees.ownRecord}</Notice>
      ) : !active ? (
        <Notice>{fill(t.employees.notActive, { status: t.profile.employeeStatuses[employee.status] ?? employee.status })}</Notice>
      ) : (
        <>
          <TransferAction employee={employee} onDone={report} />
          <PromotionAction employee={employee} onDone={report} />
          <PositionChangeAction employee={employee} onDone={report} />
          <TerminationAction employee={employee} onDone={report} />
        </>
      )}
    </section>
  );
}

interface ActionProps {
  employee: EmployeeRecord;
  /** What happened, in words; null when another try starts. */
  onDone: (message: string | null) => void;
}

interface CareerActionProps extends ActionProps {
  title: string;
  submitLabel: string;
  /** Fields that must be filled before anything is sent (beside Nomor SK and TMT). */
  required: string[];
  /** The action's own fields, given the error of a field by name. */
  fields: (fieldError: (name: string) => string | undefined) => ReactNode;
  /** Sends the action; answers what happened, in words. */
  send: (form: FormData) => Promise<string>;
  /** A destructive action asks once, clearly, before it is sent. */
  confirm?: (form: FormData) => string;
  destructive?: boolean;
  /** After a success has reset the form: resets what the form's reset does not (a controlled select). */
  onReset?: () => void;
}

/** One career action: a small form with its decree (Nomor SK, TMT) and own fields, opened on demand. */
function CareerAction({ employee, onDone, title, submitLabel, required, fields, send, confirm, destructive, onReset }: CareerActionProps) {
  const queries = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ form: FormData; question: string } | null>(null);
  const questionId = useId();

  const perform = async (form: FormData) => {
    setBusy(true);
    setError(null);
    onDone(null);
    try {
      const message = await send(form);
      formRef.current?.reset();
      onReset?.();
      onDone(message);
      await queries.invalidateQueries({ queryKey: keys.employee(employee.nip) });
    } catch (problem) {
      setError(problem);
      // Someone else changed the record first: load the current version, so a second try can succeed.
      if (problem instanceof ApiProblem && problem.status === 409) await queries.invalidateQueries({ queryKey: keys.employee(employee.nip) });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const empty = ['skNumber', 'tmt', ...required].filter((name) => value(form, name) === '');
    setMissing(empty);
    setError(null);
    if (empty.length > 0) return;
    if (confirm) setAsking({ form, question: confirm(form) });
    else void perform(form);
  };
  const fieldError = (name: string) => (missing.includes(name) ? t.employees.required : error instanceof ApiProblem ? error.field(name) : undefined);
  const stale = error instanceof ApiProblem && error.status === 409;

  return (
    <details className="field">
      <summary style={{ minHeight: '2.75rem', padding: '0.5rem 0', fontWeight: 600, cursor: 'pointer' }}>{title}</summary>
      {missing.length > 0 && <Notice tone="error">{t.employees.incomplete}</Notice>}
      {stale ? (
        <Notice tone="warning" title={error.message}>
          {t.employees.reloaded}
        </Notice>
      ) : (
        <ProblemNotice error={error} />
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        {/* While the question is open the answers stay as asked about. */}
        <fieldset disabled={!!asking || busy} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend className="visually-hidden">{title}</legend>
          <div className="row">
            <Field label={t.employees.skNumber} hint={t.employees.skHint} error={fieldError('skNumber')}>
              <input name="skNumber" maxLength={100} autoComplete="off" />
            </Field>
            <Field label={t.employees.tmt} hint={t.employees.tmtHint} error={fieldError('tmt')}>
              <input name="tmt" type="date" />
            </Field>
          </div>
          {fields(fieldError)}
        </fieldset>
        {asking ? (
          <div className="notice warning" role="alertdialog" aria-labelledby={questionId}>
            <p id={questionId}>{asking.question}</p>
            <div className="actions">
              <button type="button" className="danger" disabled={busy} onClick={() => void perform(asking.form)}>
                {t.employees.confirmYes}
              </button>
              <button type="button" disabled={busy} onClick={() => setAsking(null)} autoFocus>
                {t.common.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button className={destructive ? 'danger' : 'primary'} disabled={busy}>
            {submitLabel}
          </button>
        )}
      </form>
    </details>
  );
}

function TransferAction({ employee, onDone }: ActionProps) {
  const user = useSession()!.user;
  const [unitCode, setUnitCode] = useState('');
  const units = useUnits();
  const unitName = useUnitNames();
  const positions = useUnitPositions(unitCode || undefined);
  // An operator moves employees only within the units they manage (SIAP refuses the others).
  const allUnits = units.data?.items ?? [];
  const scope = hasRole(user, 'ADMIN_BKD') ? null : unitSubtree(allUnits, user.unitCode);
  const otherUnits = allUnits
    .filter((unit) => unit.code !== employee.unitCode && (!scope || scope.has(unit.code)))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const unitPositions = positions.data?.items ?? [];

  const send = async (form: FormData) => {
    const body = { version: employee.version, ...decree(form), unitCode: value(form, 'unitCode'), positionCode: value(form, 'positionCode') };
    await unwrap(api.POST('/api/v1/siap/employees/{nip}/transfers', { params: { path: { nip: employee.nip } }, body }));
    const position = unitPositions.find((p) => p.code === body.positionCode)?.name ?? body.positionCode;
    return fill(t.employees.transferred, { name: employee.name, unit: unitName(body.unitCode), position, tmt: dateWords(body.tmt) });
  };
  return (
    <CareerAction
      employee={employee}
      onDone={onDone}
      title={t.employees.transfer}
      submitLabel={t.employees.submitTransfer}
      required={['unitCode', 'positionCode']}
      send={send}
      onReset={() => setUnitCode('')}
      fields={(fieldError) => (
        <>
          <Field label={t.employees.newUnit} error={fieldError('unitCode')}>
            <select name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              <option value="">{t.employees.choose}</option>
              {otherUnits.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t.employees.newPosition}
            hint={!unitCode ? t.employees.chooseUnitFirst : positions.data && unitPositions.length === 0 ? t.employees.noPositions : undefined}
            error={fieldError('positionCode') ?? (positions.error instanceof ApiProblem ? positions.error.message : undefined)}
          >
            <select key={unitCode} name="positionCode" defaultValue="" disabled={!unitCode || !positions.data}>
              <option value="">{unitCode && positions.isLoading ? t.common.loading : t.employees.choose}</option>
              {unitPositions.map((position) => (
                <option key={position.code} value={position.code}>
                  {position.name}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
    />
  );
}

function PromotionAction({ employee, onDone }: ActionProps) {
  const options = golonganFor(employee.employmentType);
  const current = options.indexOf(employee.golongan);
  const higher = current >= 0 ? options.slice(current + 1) : options;

  const send = async (form: FormData) => {
    const body = { version: employee.version, ...decree(form), golongan: value(form, 'golongan') };
    await unwrap(api.POST('/api/v1/siap/employees/{nip}/promotions', { params: { path: { nip: employee.nip } }, body }));
    return fill(t.employees.promoted, { name: employee.name, rank: rankLabel(body.golongan), tmt: dateWords(body.tmt) });
  };
  return (
    <CareerAction
      employee={employee}
      onDone={onDone}
      title={t.employees.promotion}
      submitLabel={t.employees.submitPromotion}
      required={['golongan']}
      send={send}
      fields={(fieldError) => (
        <Field label={t.employees.newRank} hint={`${t.common.rank}: ${rankLabel(employee.golongan)}`} error={fieldError('golongan')}>
          <select key={employee.version} name="golongan" defaultValue={higher[0] ?? ''}>
            <option value="">{t.employees.choose}</option>
            {higher.map((golongan) => (
              <option key={golongan} value={golongan}>
                {rankLabel(golongan)}
              </option>
            ))}
          </select>
        </Field>
      )}
    />
  );
}

function PositionChangeAction({ employee, onDone }: ActionProps) {
  const positions = useUnitPositions(employee.unitCode);
  const positionName = usePositionNames([employee.positionCode]);
  const others = (positions.data?.items ?? []).filter((position) => position.code !== employee.positionCode);

  const send = async (form: FormData) => {
    const body = { version: employee.version, ...decree(form), positionCode: value(form, 'positionCode') };
    await unwrap(api.POST('/api/v1/siap/employees/{nip}/position-changes', { params: { path: { nip: employee.nip } }, body }));
    const position = others.find((p) => p.code === body.positionCode)?.name ?? body.positionCode;
    return fill(t.employees.positionChanged, { name: employee.name, position, tmt: dateWords(body.tmt) });
  };
  return (
    <CareerAction
      employee={employee}
      onDone={onDone}
      title={t.employees.positionChange}
      submitLabel={t.employees.submitPositionChange}
      required={['positionCode']}
      send={send}
      fields={(fieldError) => (
        <Field
          label={t.employees.newPosition}
          hint={positions.data && others.length === 0 ? t.employees.noPositions : `${t.common.position}: ${positionName(employee.positionCode)}`}
          error={fieldError('positionCode') ?? (positions.error instanceof ApiProblem ? positions.error.message : undefined)}
        >
          <select name="positionCode" defaultValue="" disabled={!positions.data}>
            <option value="">{positions.isLoading ? t.common.loading : t.employees.choose}</option>
            {others.map((position) => (
              <option key={position.code} value={position.code}>
                {position.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    />
  );
}

function TerminationAction({ employee, onDone }: ActionProps) {
  const reasonWords = (reason: string) => t.employees.terminationReasons[reason] ?? reason;
  const send = async (form: FormData) => {
    const body = { version: employee.version, ...decree(form), reason: value(form, 'reason') as TerminationReason };
    await unwrap(api.POST('/api/v1/siap/employees/{nip}/terminations', { params: { path: { nip: employee.nip } }, body }));
    return fill(t.employees.terminated, { name: employee.name, status: t.profile.employeeStatuses[body.reason] ?? body.reason, tmt: dateWords(body.tmt) });
  };
  return (
    <CareerAction
      employee={employee}
      onDone={onDone}
      title={t.employees.termination}
      submitLabel={t.employees.submitTermination}
      destructive
      required={['reason']}
      send={send}
      confirm={(form) =>
        fill(t.employees.confirmTermination, {
          name: employee.name,
          nip: employee.nip,
          reason: reasonWords(value(form, 'reason')),
          tmt: dateWords(value(form, 'tmt')),
        })
      }
      fields={(fieldError) => (
        <Field label={t.employees.terminationReason} error={fieldError('reason')}>
          <select name="reason" defaultValue="">
            <option value="">{t.employees.choose}</option>
            {REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {reasonWords(reason)}
              </option>
            ))}
          </select>
        </Field>
      )}
    />
  );
}

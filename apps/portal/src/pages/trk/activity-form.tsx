import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { trkKeys, useTargets, type CatalogueActivity, type EntryDay } from '../../api/trk-queries';
import { EvidenceRefused, readEvidence, type Evidence } from '../../components/evidence-file';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { formatDateTime, formatNumber, formatShortDate, formatTime } from '../../format';
import { fill, t } from '../../i18n';

/** The select's value for a free-text activity (no catalogue code has a space). */
const OWN = 'uraian sendiri';
/** The fields this form shows a refusal beside; a refusal naming any other goes above the form. */
const FIELDS = ['date', 'catalogueCode', 'description', 'quantity', 'minutes', 'evidence', 'targetId'];

const isField = (field: string, name: string) => field === name || field.startsWith(`${name}.`);
const fieldOf = (error: unknown, name: string) => (error instanceof ApiProblem ? error.details.find((d) => isField(d.field, name))?.message : undefined);

/** A window may close days later, so its deadline carries its date; today's cut-off is today's time. */
const dayLabel = (day: EntryDay) =>
  day.viaWindow
    ? fill(t.activities.backdated, { date: formatShortDate(day.date), time: formatDateTime(day.closesAt) })
    : fill(t.activities.until, { date: formatShortDate(day.date), time: formatTime(day.closesAt) });

interface Props {
  nip: string;
  days: EntryDay[];
  date: string;
  onDate: (date: string) => void;
  catalogue: CatalogueActivity[];
}

/** One activity of one enterable day: from the catalogue (minutes held to its standard) or described in the employee's words. */
export function ActivityForm({ nip, days, date, onDate, catalogue }: Props) {
  const queries = useQueryClient();
  const targets = useTargets(nip);
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [minutes, setMinutes] = useState('');
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [targetId, setTargetId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const chosen = catalogue.find((a) => a.code === code);
  const day = days.find((d) => d.date === date);
  const count = Number(quantity) > 0 ? Number(quantity) : 1;
  const openTargets = (targets.data ?? []).filter(
    (target) =>
      target.status === 'AGREED' && (target.period === date.slice(0, 7) || target.period === date.slice(0, 4)) && target.catalogueCodes.includes(code),
  );

  const refuse = (field: string, message: string) => setError(new ApiProblem(400, message, [{ field, message }]));
  const pickFile = async (file: File | undefined) => {
    setEvidence(null);
    if (!file) return;
    try {
      setEvidence(await readEvidence(file));
      setError(null);
    } catch (problem) {
      refuse('evidence', problem instanceof EvidenceRefused ? problem.message : t.common.error);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setSaved(false);
    if (!code) return refuse('catalogueCode', t.activities.chooseActivity);
    if (chosen?.evidenceRequired && !evidence) return refuse('evidence', t.activities.evidenceMissing);
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/trk/activities', {
          body: {
            date,
            ...(code === OWN ? { description } : { catalogueCode: code }),
            quantity: Number(quantity),
            minutes: Number(minutes),
            ...(targetId && openTargets.some((target) => target.id === targetId) ? { targetId } : {}),
            ...(evidence ? { evidence: { contentType: evidence.contentType, dataBase64: evidence.dataBase64 } } : {}),
          },
        }),
      );
      formElement.reset();
      setCode('');
      setDescription('');
      setQuantity('1');
      setMinutes('');
      setEvidence(null);
      setTargetId('');
      setSaved(true);
      await Promise.all([queries.invalidateQueries({ queryKey: trkKeys.entryDays }), queries.invalidateQueries({ queryKey: trkKeys.activities })]);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  const besideFields = error instanceof ApiProblem && error.details.length > 0 && error.details.every((d) => FIELDS.some((f) => isField(d.field, f)));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {saved && <Notice tone="success">{t.activities.saved}</Notice>}
      {besideFields ? <Notice tone="error">{(error as ApiProblem).message}</Notice> : <ProblemNotice error={error} />}
      <Field label={t.activities.date} hint={t.activities.dateHint} error={fieldOf(error, 'date')}>
        <select name="date" value={date} onChange={(e) => onDate(e.target.value)}>
          {days.map((d) => (
            <option key={d.date} value={d.date}>
              {dayLabel(d)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.activities.activity} hint={t.activities.activityHint} error={fieldOf(error, 'catalogueCode')}>
        <select name="catalogueCode" value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">{t.activities.choose}</option>
          {catalogue.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
          <option value={OWN}>{t.activities.own}</option>
        </select>
      </Field>
      {code === OWN && (
        <Field label={t.activities.description} error={fieldOf(error, 'description')}>
          <textarea name="description" rows={3} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      )}
      <div className="row">
        <Field label={chosen ? fill(t.activities.quantityIn, { unit: chosen.outputUnit }) : t.activities.quantity} error={fieldOf(error, 'quantity')}>
          <input name="quantity" type="number" inputMode="numeric" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </Field>
        <Field
          label={t.activities.minutes}
          hint={[
            chosen &&
              fill(t.activities.maxMinutes, {
                max: formatNumber(chosen.standardMinutes * count),
                quantity: count,
                standard: formatNumber(chosen.standardMinutes),
              }),
            day &&
              fill(t.activities.dayLeft, {
                left: formatNumber(Math.max(0, day.workingMinutes - day.minutesSoFar)),
                total: formatNumber(day.workingMinutes),
              }),
          ]
            .filter(Boolean)
            .join(' ')}
          error={fieldOf(error, 'minutes')}
        >
          <input name="minutes" type="number" inputMode="numeric" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
      </div>
      <Field label={chosen?.evidenceRequired ? t.activities.evidenceRequired : t.activities.evidence} error={fieldOf(error, 'evidence')}>
        <input name="evidence" type="file" accept="image/jpeg,image/png,application/pdf" onChange={(e) => void pickFile(e.target.files?.[0])} />
      </Field>
      {evidence && <p className="muted">{fill(t.activities.evidenceChosen, { name: evidence.name })}</p>}
      {openTargets.length > 0 && (
        <Field label={t.activities.target} error={fieldOf(error, 'targetId')}>
          <select name="targetId" value={targetId} onChange={(e) => setTargetId(e.target.value)}>
            <option value="">{t.activities.noTarget}</option>
            {openTargets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      <button className="primary big" disabled={busy}>
        {t.activities.save}
      </button>
    </form>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { trkKeys } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { fill, t } from '../../i18n';
import { SkpBasis } from './skp-basis';
import { predikatOf, RATINGS, type Rating, type SkpUnit } from './skp-unit';

const VALUES = Object.keys(t.skp.berakhlak);
const allAs = (rating: Rating) => Object.fromEntries(VALUES.map((v) => [v, rating])) as Record<string, Rating>;
const fieldOf = (error: unknown, name: string) => (error instanceof ApiProblem ? error.details.find((d) => d.field === name)?.message : undefined);

function RatingSelect({ label, value, onChange, error }: { label: string; value: Rating; onChange: (r: Rating) => void; error?: string }) {
  return (
    <Field label={label} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value as Rating)}>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {t.skp.ratingLabels[r]}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * An employee's annual rating by their atasan: hasil kerja, perilaku kerja and the seven BerAKHLAK
 * values (which follow the overall perilaku until one is changed), with what the rating rests on
 * shown for the chosen employee and the predikat it gives shown before it is saved.
 */
export function SkpRatingForm({ unit }: { unit: SkpUnit }) {
  const queries = useQueryClient();
  const people = [...unit.ratings.map((r) => ({ nip: r.nip, name: r.name ?? r.nip })), ...unit.unrated];
  const [nip, setNip] = useState(unit.unrated[0]?.nip ?? people[0]?.nip ?? '');
  const [hasil, setHasil] = useState<Rating>('SESUAI');
  const [perilaku, setPerilaku] = useState<Rating>('SESUAI');
  const [values, setValues] = useState(allAs('SESUAI'));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const predikat = predikatOf(hasil, perilaku);

  const choose = (next: string) => {
    setNip(next);
    const existing = unit.ratings.find((r) => r.nip === next);
    setHasil(existing?.hasil ?? 'SESUAI');
    setPerilaku(existing?.perilaku ?? 'SESUAI');
    setValues(existing ? { ...allAs('SESUAI'), ...existing.perilakuValues } : allAs('SESUAI'));
    setNote(existing?.note ?? '');
    setSaved(null);
    setError(null);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const rated = await unwrap(
        api.PUT('/api/v1/trk/skp/{year}/ratings/{nip}', {
          params: { path: { year: String(unit.year), nip } },
          body: { hasil, perilaku, perilakuValues: values as never, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      setSaved(fill(t.skp.ratingSaved, { name: rated.name ?? rated.nip, predikat: rated.predikatLabel }));
      await queries.invalidateQueries({ queryKey: trkKeys.skpUnit(String(unit.year), unit.unitCode) });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  if (people.length === 0) return null;
  return (
    <section className="card" aria-labelledby="rate-heading">
      <h2 id="rate-heading" style={{ marginTop: 0 }}>
        {t.skp.rate}
      </h2>
      {saved && <Notice tone="success">{saved}</Notice>}
      <ProblemNotice error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t.skp.employee}>
          <select value={nip} onChange={(e) => choose(e.target.value)}>
            {people.map((p) => (
              <option key={p.nip} value={p.nip}>
                {p.name} · {p.nip}
              </option>
            ))}
          </select>
        </Field>
        <SkpBasis year={String(unit.year)} nip={nip} />
        <div className="row">
          <RatingSelect label={t.skp.hasil} value={hasil} onChange={setHasil} error={fieldOf(error, 'hasil')} />
          <RatingSelect
            label={t.skp.perilaku}
            value={perilaku}
            error={fieldOf(error, 'perilaku')}
            onChange={(r) => {
              setPerilaku(r);
              setValues(allAs(r));
            }}
          />
        </div>
        <fieldset className="field">
          <legend className="label">{t.skp.values}</legend>
          <div className="row">
            {VALUES.map((v) => (
              <RatingSelect
                key={v}
                label={t.skp.berakhlak[v]}
                value={values[v]}
                error={fieldOf(error, `perilakuValues.${v}`)}
                onChange={(r) => setValues({ ...values, [v]: r })}
              />
            ))}
          </div>
        </fieldset>
        <Field label={t.skp.note} error={fieldOf(error, 'note')}>
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <p aria-live="polite">
          {t.skp.result}: <strong data-testid="skp-predikat-preview">{t.skp.predikatLabels[predikat]}</strong>
        </p>
        <button className="primary" disabled={busy || !nip}>
          {t.skp.saveRating}
        </button>
      </form>
    </section>
  );
}

import { t } from '../i18n';

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** A field's words: from the dictionary when it has them, the key itself otherwise. */
const labelOf = (key: string) => t.rules.fields[key] ?? t.requests.types[key] ?? key;

const isRecord = (v: Value): v is { [key: string]: Value } => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A rule's figures as a form, whatever the rule's shape: numbers and words as fields, a list of like
 * records (bands) as a table with a row each, and nested groups as fieldsets. Admins edit the figures
 * of a regulation, never its JSON.
 */
export function ValueEditor({ value, onChange, label, path = 'value' }: { value: Value; onChange: (v: Value) => void; label?: string; path?: string }) {
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const columns = [...new Set(value.flatMap((row) => Object.keys(row as object)))];
    return (
      <div className="table-wrap field" tabIndex={0} role="region" aria-label={t.common.table}>
        <table>
          {label && <caption style={{ textAlign: 'left', fontWeight: 600 }}>{label}</caption>}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{labelOf(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>
                    <Scalar
                      label={`${label ?? ''} ${i + 1} ${labelOf(c)}`}
                      value={(row as Record<string, Value>)[c] ?? null}
                      onChange={(v) => onChange(value.map((r, j) => (j === i ? { ...(r as object), [c]: v } : r)) as Value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (isRecord(value)) {
    const body = Object.entries(value).map(([key, inner]) => (
      <ValueEditor key={key} label={labelOf(key)} path={`${path}.${key}`} value={inner} onChange={(v) => onChange({ ...value, [key]: v })} />
    ));
    return label ? (
      <fieldset className="card">
        <legend>{label}</legend>
        {body}
      </fieldset>
    ) : (
      <>{body}</>
    );
  }
  return (
    <div className="field">
      <Scalar label={label ?? path} value={value} onChange={onChange} visibleLabel />
    </div>
  );
}

function Scalar({ label, value, onChange, visibleLabel = false }: { label: string; value: Value; onChange: (v: Value) => void; visibleLabel?: boolean }) {
  const id = `v-${label.replace(/\W+/g, '-')}`;
  const input =
    typeof value === 'boolean' ? (
      <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} aria-label={visibleLabel ? undefined : label} />
    ) : typeof value === 'number' || value === null ? (
      <input
        id={id}
        inputMode="decimal"
        value={value === null ? '' : String(value).replace('.', ',')}
        placeholder={value === null ? t.rules.noLimit : undefined}
        aria-label={visibleLabel ? undefined : label}
        onChange={(e) => {
          const text = e.target.value.trim().replace(',', '.');
          onChange(text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : (e.target.value as Value));
        }}
      />
    ) : (
      <input id={id} value={String(value)} aria-label={visibleLabel ? undefined : label} onChange={(e) => onChange(e.target.value)} />
    );
  return visibleLabel ? (
    <>
      <label htmlFor={id}>{label}</label>
      {input}
    </>
  ) : (
    input
  );
}

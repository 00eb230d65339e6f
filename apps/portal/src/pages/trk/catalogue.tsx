import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCatalogue, type CatalogueActivity } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { Loading, Notice, ProblemNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../format';
import { fill, t } from '../../i18n';
import { CatalogueForm } from './catalogue-form';
import { CatalogueImport } from './catalogue-import';

/** Rows drawn at once: the province's catalogue runs to thousands; the search narrows it. */
const SHOWN = 200;

/** Katalog kegiatan: every activity with its standard minutes, edited one by one or imported as a CSV. */
export default function CataloguePage() {
  const queries = useQueryClient();
  const catalogue = useCatalogue(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<CatalogueActivity | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const words = query.trim().toLowerCase();
  const found = (catalogue.data ?? []).filter((a) =>
    [a.code, a.name, a.positionCode ?? '', a.positionType ?? ''].some((text) => text.toLowerCase().includes(words)),
  );

  const remove = async (code: string) => {
    if (!window.confirm(fill(t.catalogue.removeConfirm, { code }))) return;
    setError(null);
    setDone(null);
    try {
      await unwrap(api.DELETE('/api/v1/trk/catalogue/{code}', { params: { path: { code } } }));
      setDone(fill(t.catalogue.removed, { code }));
      await queries.invalidateQueries({ queryKey: ['trk', 'catalogue'] });
    } catch (problem) {
      setError(problem);
    }
  };

  return (
    <Page
      title={t.catalogue.title}
      actions={
        <button
          type="button"
          className="primary"
          onClick={() => {
            setEditing('new');
            setDone(null);
          }}
        >
          {t.catalogue.add}
        </button>
      }
    >
      {done && <Notice tone="success">{done}</Notice>}
      <ProblemNotice error={error} />
      {editing && (
        <CatalogueForm
          key={editing === 'new' ? 'new' : editing.code}
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(code) => {
            setEditing(null);
            setDone(fill(t.catalogue.saved, { code }));
          }}
        />
      )}
      <Field label={t.catalogue.search}>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </Field>
      {!catalogue.data ? (
        <Loading error={catalogue.error} />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {fill(t.catalogue.count, { count: formatNumber(found.length) })}
            {found.length > SHOWN && ` · ${fill(t.catalogue.shownFirst, { shown: formatNumber(SHOWN) })}`}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table data-testid="catalogue">
              <thead>
                <tr>
                  <th>{t.catalogue.code}</th>
                  <th>{t.catalogue.name}</th>
                  <th className="number">{t.catalogue.standardMinutes}</th>
                  <th>{t.catalogue.evidenceRequired}</th>
                  <th>{t.catalogue.scope}</th>
                  <th>
                    <span className="visually-hidden">{t.catalogue.edit}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.slice(0, SHOWN).map((a) => (
                  <tr key={a.code}>
                    <td>{a.code}</td>
                    <td>
                      {a.name}
                      <br />
                      <span className="muted">{a.outputUnit}</span>
                    </td>
                    <td className="number">{formatNumber(a.standardMinutes)}</td>
                    <td>{a.evidenceRequired ? t.common.yes : t.common.no}</td>
                    <td>{a.positionCode ?? `${t.catalogue.positionType} ${a.positionType}`}</td>
                    <td>
                      <div className="actions" style={{ marginTop: 0 }}>
                        <button type="button" aria-label={`${t.catalogue.edit} ${a.code}`} onClick={() => setEditing(a)}>
                          {t.catalogue.edit}
                        </button>
                        <button type="button" className="danger" aria-label={`${t.catalogue.remove} ${a.code}`} onClick={() => void remove(a.code)}>
                          {t.catalogue.remove}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CatalogueImport />
    </Page>
  );
}

// The read model's reason to exist: a guest's search. Words (every one must
// match) and a city go to search(), which the query service answers from its
// search documents alone — never asking the listings service.

import { useState, type FormEvent } from 'react';
import { CITIES, runSearch } from '../cdcActions';
import { useCdcContext, useCdcView } from '../CdcContext';
import type { SearchDocRow } from '../../../runtime/cdcController';
import { count, valueText } from '../cdcFormat';

const SHOW_RESULTS = 2;

function Results({ docs }: { docs: readonly SearchDocRow[] }) {
  const search = useCdcView((s) => s.search);
  let text = 'Type words (all must match) and pick a city.';
  if (search.busy) text = 'searching…';
  else if (search.error) text = `Search failed: ${search.error}`;
  else if (search.ids) text = search.ids.length ? `${count(search.ids.length)} found` : 'nothing found';
  const shown = (search.ids ?? []).slice(0, SHOW_RESULTS);
  return (
    <div className="cdc-results" role="status" aria-label="Search results" data-testid="search-results">
      <span className={search.error ? 'cdc-results-error' : 'cdc-results-count'}>{text}</span>
      {shown.map((id) => {
        const doc = docs.find((d) => d.id === id);
        return (
          <span key={id} className="cdc-result" title={doc?.title}>
            <strong>{id}</strong> {doc ? `${doc.title} · ${doc.city} · ${valueText('price', doc.price)}` : ''}
          </span>
        );
      })}
      {search.ids && search.ids.length > SHOW_RESULTS && (
        <span className="muted">and {count(search.ids.length - SHOW_RESULTS)} more</span>
      )}
    </div>
  );
}

export function SearchBox({ docs, disabled }: { docs: readonly SearchDocRow[]; disabled: boolean }) {
  const { controller, view } = useCdcContext();
  const asked = useCdcView((s) => s.search);
  // The guide's searches fill the box too: follow them, keep what the user types meanwhile.
  const [text, setText] = useState(asked.text);
  const [city, setCity] = useState(asked.city);
  const [seen, setSeen] = useState(asked);
  if (asked !== seen) {
    setSeen(asked);
    if (asked.busy) {
      setText(asked.text);
      setCity(asked.city);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    runSearch(controller, view, text.trim(), city).catch(() => undefined);
  };
  return (
    <div className="cdc-search">
      <form
        role="search"
        aria-label="Search listings"
        className="cdc-search-form nodrag nopan"
        onSubmit={submit}
      >
        <input
          type="search"
          value={text}
          placeholder="words, e.g. loft"
          aria-label="Search words"
          onChange={(e) => setText(e.target.value)}
        />
        <select value={city} aria-label="City" onChange={(e) => setCity(e.target.value)}>
          <option value="">any city</option>
          {CITIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="submit" className="btn" disabled={disabled || asked.busy}>
          Search
        </button>
      </form>
      <Results docs={docs} />
    </div>
  );
}

// The read model's reason to exist: a guest's search. Words (every one must
// match) and a city go to search(), which the query service answers from its
// search documents alone — never asking the listings service.

import { useState, type FormEvent } from 'react';
import { CITIES, runSearch } from '../cdcActions';
import { useCdc, useCdcContext, useCdcView } from '../CdcContext';
import type { SearchDocRow } from '../../../runtime/cdcController';
import { count, listingLine } from '../cdcFormat';

/**
 * `shown`: how many of the found documents it names (the rest are counted), looked up among all the read
 * model's documents: a found one need not be among the newest the node lists.
 */
function Results({ shown: room }: { shown: number }) {
  const search = useCdcView((s) => s.search);
  const docs: readonly SearchDocRow[] = useCdc((s) => s.docs) ?? [];
  let text = 'Type words (all must match) and pick a city.';
  if (search.busy) text = 'searching…';
  else if (search.error) text = `Search failed: ${search.error}`;
  else if (search.ids) text = search.ids.length ? `${count(search.ids.length)} found` : 'nothing found';
  const shown = (search.ids ?? []).slice(0, room);
  return (
    <div className="cdc-results" role="status" aria-label="Search results" data-testid="search-results">
      <span className={search.error ? 'cdc-results-error' : 'cdc-results-count'}>{text}</span>
      {shown.map((id) => {
        const doc = docs.find((d) => d.id === id);
        return (
          <span key={id} className="cdc-result" title={doc?.title}>
            <strong>{id}</strong> {doc ? listingLine(doc) : ''}
          </span>
        );
      })}
      {search.ids && search.ids.length > room && (
        <span className="muted">and {count(search.ids.length - room)} more</span>
      )}
    </div>
  );
}

interface Props {
  disabled: boolean;
  /** How many found documents the results name: two, or one in the presenter's compact node. */
  results?: number;
}

export function SearchBox({ disabled, results = 2 }: Props) {
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
      <Results shown={results} />
    </div>
  );
}

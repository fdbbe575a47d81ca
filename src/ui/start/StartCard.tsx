// The start card: on a first visit to the bare page, three doors into the
// library's guides — the outbox saving an order, a saga breaking and being
// compensated, an event stream replayed — so a newcomer knows where to begin.
// Dismissed (by its button, Escape, or going through a door) it never shows
// again. It sits in the page's flow above the workspace, covering nothing.

import { useState } from 'react';
import { libraryEntry, type LibraryEntry } from '../../core/scenario/library';
import { entryHref, pageBase } from '../library/libraryLinks';
import { landedPlain } from './landing';
import { dismissStartCard, startCardDismissed } from './startCardSeen';
import '../styles/start.css';

/** The three doors: what the visitor will do, and the library entry whose guide does it. */
export const START_DOORS: { verb: string; entry: string }[] = [
  { verb: 'See the outbox save an order', entry: 'outbox' },
  { verb: 'Break a saga', entry: 'choreography-failure' },
  { verb: 'Replay an event stream', entry: 'es-snapshots' },
];

export function StartCard() {
  const [shown, setShown] = useState(() => landedPlain() && !startCardDismissed());
  if (!shown) return null;
  const close = () => {
    dismissStartCard();
    setShown(false);
  };
  const base = pageBase(window.location);
  return (
    <section
      className="start-card"
      aria-labelledby="start-card-title"
      data-testid="start-card"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <h2 id="start-card-title">New here? Pick one and press its guide’s Start</h2>
      <ul className="start-doors">
        {START_DOORS.map(({ verb, entry: id }) => {
          const entry = libraryEntry(id) as LibraryEntry;
          return (
            <li key={id}>
              <a className="start-door" href={entryHref(base, entry)} onClick={() => dismissStartCard()}>
                <strong>{verb}</strong>
                <span>{entry.idea}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-small start-close" onClick={close}>
        Not now — don’t show again
      </button>
    </section>
  );
}

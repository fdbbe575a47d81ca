// The scenario library: a modal dialog (the native <dialog>, so the page
// behind is inert), sections in the seed's order. Tab stays inside, Escape
// closes, and focus returns to the button that opened it.

import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { LIBRARY, libraryEntry, type LibraryEntry } from '../../core/scenario/library';
import { compareLink } from '../compare/compareLink';
import { useController } from '../controls/ControllerContext';
import { openLink } from '../export/shareBase';
import { InProductionNote } from './InProductionNote';
import { InterviewDoor } from '../interview/InterviewDoor';
import { canCompare, entryHref, pageBase } from './libraryLinks';
import { groupBySection, modeText } from './librarySections';

const SECTIONS = groupBySection(LIBRARY);

const FOCUSABLE = 'a[href], button:not(:disabled)';

/** Keeps Tab and Shift+Tab inside the dialog: from the last control to the first and back. */
function trapTab(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function follow(event: MouseEvent<HTMLAnchorElement>) {
  // A plain click opens here; ctrl/middle clicks keep the browser's own new tab.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openLink(event.currentTarget.href, location);
}

function Entry({ entry, current, base }: { entry: LibraryEntry; current: boolean; base: string }) {
  const partner = entry.partner ? libraryEntry(entry.partner) : undefined;
  const related = entry.seeAlso ? libraryEntry(entry.seeAlso) : undefined;
  return (
    <li className={current ? 'library-entry library-current' : 'library-entry'}>
      <a
        className="library-open"
        href={entryHref(base, entry)}
        aria-current={current ? 'page' : undefined}
        onClick={follow}
      >
        {entry.title}
      </a>
      {current && <span className="library-now">open now</span>}
      <p className="library-idea">{entry.idea}</p>
      {entry.inProduction && <InProductionNote production={entry.inProduction} className="library-idea" />}
      <p className="library-meta">
        {modeText(entry)} · {entry.narrative.length} steps
        {partner && (
          <>
            {' · '}
            {canCompare(entry, partner) ? (
              <a
                className="library-compare"
                href={compareLink(base, entry.scenario, partner.scenario)}
                onClick={follow}
              >
                Compare with {partner.title}
              </a>
            ) : (
              <a className="library-compare" href={entryHref(base, partner)} onClick={follow}>
                See also {partner.title}
              </a>
            )}
          </>
        )}
        {related && (
          <>
            {' · '}
            <a className="library-compare" href={entryHref(base, related)} onClick={follow}>
              See also {related.title}
            </a>
          </>
        )}
      </p>
    </li>
  );
}

export function LibraryDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const current = useController().scenario().guide;
  const base = pageBase(location);
  // Close the <dialog> first: while it is modal the rest of the page is inert and cannot take focus back.
  const close = () => {
    dialog.current?.close();
    onClose();
  };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    // Start on the scenario open now, else on the first.
    (
      element.querySelector<HTMLElement>('.library-open[aria-current]') ??
      element.querySelector<HTMLElement>('.library-open')
    )?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="library-dialog"
      aria-labelledby="library-title"
      aria-describedby="library-intro"
      // Escape: the browser fires cancel and would close the dialog itself; React's state closes it instead.
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={trapTab}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="library-body">
        <header className="library-head">
          <h2 id="library-title">Scenario library</h2>
          <button type="button" className="btn btn-small" onClick={close}>
            Close
          </button>
        </header>
        <p id="library-intro" className="library-intro">
          Each scenario opens in a fresh run, with its story in the Guide tab: press Start, then Next step.
        </p>
        <InterviewDoor base={base} />
        {SECTIONS.map(({ section, entries }) => (
          <section key={section} className="library-section" aria-labelledby={`library-${slug(section)}`}>
            <h3 id={`library-${slug(section)}`}>{section}</h3>
            <ul>
              {entries.map((entry) => (
                <Entry key={entry.id} entry={entry} current={entry.id === current} base={base} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </dialog>
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Toolbar slot "Share & export": a disclosure button and its panel of actions
// — copy the scenario's link, save the run's trace, sequence diagram or
// scenario, import a scenario file. The panel stays open after an action so
// its message can be read; Escape or a click outside closes it.

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ImportScenario } from './ImportScenario';
import { ShareOutcome } from './ShareOutcome';
import type { Outcome } from './shareMessages';
import { useShareActions } from './useShareActions';
import './shareMenu.css';

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [alignEnd, setAlignEnd] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const actions = useShareActions(setOutcome);

  // A message belongs to the opening it was shown in; an export finishing after the panel closed is not news next time.
  const show = () => {
    setOutcome(null);
    setOpen(true);
  };
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  }, []);

  // Hangs left-aligned from the button unless that runs off the window: where the
  // toolbar group lands depends on what else the toolbar shows, and how it wraps.
  useLayoutEffect(() => {
    const right = panel.current?.getBoundingClientRect().right ?? 0;
    setAlignEnd(open && right > document.documentElement.clientWidth);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    items(panel.current)[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!anchor.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, close]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // This Escape is the menu's: whatever else listens for one (a dialog, the canvas) must not act on it too.
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    }
    const list = items(panel.current);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (next === undefined || !list.length) return;
    e.preventDefault();
    list[(next + list.length) % list.length].focus();
  };

  return (
    <div className="share-anchor" ref={anchor} onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={toggle}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            show();
          }
        }}
      >
        Share &amp; export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className={alignEnd ? 'share-panel share-panel-end' : 'share-panel'}
          id={panelId}
          ref={panel}
          role="group"
          aria-label="Share and export"
        >
          <button
            type="button"
            className="share-item"
            data-share-item
            onClick={() => void actions.copyLink()}
          >
            Copy share link
            <span className="share-hint">replays this scenario in a fresh run</span>
          </button>
          <hr />
          <button
            type="button"
            className="share-item"
            data-share-item
            onClick={() => void actions.exportTrace()}
          >
            Export trace
            <span className="share-hint">.jsonl, every CloudEvent the broker logged</span>
          </button>
          <button
            type="button"
            className="share-item"
            data-share-item
            onClick={() => void actions.exportDiagram()}
          >
            Export sequence diagram
            <span className="share-hint">.mmd, Mermaid: who sent what, in time order</span>
          </button>
          <button type="button" className="share-item" data-share-item onClick={actions.exportScenario}>
            Export scenario
            <span className="share-hint">.json, settings and fault plan</span>
          </button>
          <hr />
          <ImportScenario report={setOutcome} />
          <ShareOutcome outcome={outcome} />
        </div>
      )}
    </div>
  );
}

function items(panel: HTMLElement | null): HTMLButtonElement[] {
  return panel ? [...panel.querySelectorAll<HTMLButtonElement>('[data-share-item]')] : [];
}

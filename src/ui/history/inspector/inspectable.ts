// What makes a row on any canvas inspectable: one hook every table uses, so a
// row is clicked, focused and announced the same way everywhere. A click (or
// Enter / Space on the focused row) asks the History tab's inspector for it; a
// click on a button inside the row (a listing's id, a change's seq) stays that
// button's own.

import type { HTMLAttributes, KeyboardEvent, MouseEvent } from 'react';
import { historyView, useHistoryView, type InspectTarget } from '../historyViewStore';

export type InspectableProps = Pick<
  HTMLAttributes<HTMLElement>,
  'tabIndex' | 'className' | 'onClick' | 'onKeyDown' | 'aria-current'
> & { 'data-inspect': string };

/** `payment/inbox:m1`: how a target is written in the page (data-inspect) and compared. */
export function targetText(t: InspectTarget): string {
  return `${t.service ? `${t.service}/` : ''}${t.kind}:${t.id}`;
}

/** Whether the event came from an interactive element inside the row rather than the row itself. */
function fromInnerControl(e: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>): boolean {
  const inner = (e.target as Element).closest('button, a, input, select, textarea, summary');
  return inner !== null && inner !== e.currentTarget && e.currentTarget.contains(inner);
}

/**
 * `rowProps(target)`: the props that make an element (a table row, a list item) inspectable, with the
 * class `inspectable` (and `inspected` while it is the one shown); nothing for an undefined target.
 * `nokey` keeps React Flow from taking Space as its pan key while a row has the focus.
 */
export function useInspectable(): (target: InspectTarget | undefined) => InspectableProps | undefined {
  const selected = useHistoryView((s) => s.selected);
  const shown = selected ? targetText(selected) : null;
  return (target) => {
    if (!target) return undefined;
    const text = targetText(target);
    const inspect = () => historyView.getState().inspect(target);
    return {
      tabIndex: 0,
      className: text === shown ? 'inspectable inspected nokey' : 'inspectable nokey',
      'aria-current': text === shown ? 'true' : undefined,
      'data-inspect': text,
      onClick: (e) => {
        if (!fromInnerControl(e)) inspect();
      },
      onKeyDown: (e) => {
        if ((e.key !== 'Enter' && e.key !== ' ') || fromInnerControl(e)) return;
        e.preventDefault();
        e.stopPropagation();
        inspect();
      },
    };
  };
}

/** A row's own class and the inspectable one, together. */
export function withClass(own: string | undefined, props: InspectableProps | undefined): string | undefined {
  return [own, props?.className].filter(Boolean).join(' ') || undefined;
}

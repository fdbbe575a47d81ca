// Presenter mode's keys: one table that the always-visible legend, the `?`
// dialog and the keyboard handler all read, and the pure resolution of a key
// press to an action — never while the user is typing in a field.

import type { ProcessName } from '../../core/telemetry';

export type ActionKind =
  | 'toggle-play'
  | 'step'
  | 'run-to-end'
  | 'next'
  | 'previous'
  | 'reveal'
  | 'select'
  | 'crash'
  | 'restart'
  | 'order'
  | 'fold'
  | 'help'
  | 'close';

/** `slot` (1-based) only for `select`: which of selectionTargets() the digit names. */
export type PresenterAction = { kind: Exclude<ActionKind, 'select'> } | { kind: 'select'; slot: number };

export interface KeyBinding {
  kind: ActionKind;
  /** KeyboardEvent.key values as normalizeKey() gives them. */
  keys: readonly string[];
  /** How the legend and the dialog write the keys. */
  label: string;
  does: string;
  /** The legend's wording: it sits in a narrow column. */
  short: string;
  /** In the small always-visible legend; everything is in the `?` dialog. */
  legend: boolean;
}

export const SELECT_KEYS = ['1', '2', '3', '4', '5', '6'] as const;

export const KEY_MAP: readonly KeyBinding[] = [
  {
    kind: 'toggle-play',
    keys: [' '],
    label: 'Space',
    does: 'play / pause',
    short: 'play / pause',
    legend: true,
  },
  {
    kind: 'step',
    keys: ['ArrowRight', 's'],
    label: '→ or s',
    does: 'one step (deterministic runs)',
    short: 'one step',
    legend: true,
  },
  {
    kind: 'run-to-end',
    keys: ['e'],
    label: 'e',
    does: 'run to the end (deterministic runs)',
    short: 'run to end',
    legend: true,
  },
  { kind: 'next', keys: ['n'], label: 'n', does: 'next narrative step', short: 'next step', legend: true },
  {
    kind: 'previous',
    keys: ['p'],
    label: 'p',
    does: 'previous narrative step',
    short: 'previous step',
    legend: true,
  },
  {
    kind: 'reveal',
    keys: ['v'],
    label: 'v',
    does: 'reveal the answer to the question on show (its step runs)',
    short: 'reveal answer',
    legend: true,
  },
  {
    kind: 'select',
    keys: SELECT_KEYS,
    label: '1–5',
    does: 'select a service',
    short: 'select',
    legend: true,
  },
  {
    kind: 'crash',
    keys: ['c'],
    label: 'c',
    does: 'crash the selected service',
    short: 'crash it',
    legend: true,
  },
  {
    kind: 'restart',
    keys: ['r'],
    label: 'r',
    does: 'restart the selected service',
    short: 'restart it',
    legend: true,
  },
  { kind: 'order', keys: ['o'], label: 'o', does: 'place an order', short: 'place an order', legend: true },
  {
    kind: 'fold',
    keys: ['f'],
    label: 'f',
    does: 'show or fold the side panel',
    short: 'side panel',
    legend: true,
  },
  { kind: 'help', keys: ['?'], label: '?', does: 'all keys', short: 'all keys', legend: true },
  { kind: 'close', keys: ['Escape'], label: 'Esc', does: 'close the key map', short: 'close', legend: false },
];

const BY_KEY = new Map(KEY_MAP.flatMap((b) => b.keys.map((key) => [key, b.kind] as const)));

/** Letters in lower case (Shift+E is still `e`); named keys (`ArrowRight`, `Escape`) as they are. */
export function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key === 'Spacebar' ? ' ' : key;
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Already handled by someone else (a dialog's own keys, a focused widget). */
  defaultPrevented?: boolean;
  /** Auto-repeat of a held key: only stepping repeats, a held `c` crashes once. */
  repeat?: boolean;
  target?: unknown;
}

/** Fields that take typing: a key pressed there is text (or a choice), never a command. */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  return (
    typeof element.tagName === 'string' &&
    ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName.toUpperCase())
  );
}

/** The action a key press asks for, or null: unbound keys, browser shortcuts (Ctrl, ⌘, Alt) and typing pass through. */
export function resolveKey(press: KeyPress): PresenterAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.defaultPrevented) return null;
  if (isTypingTarget(press.target)) return null;
  const key = normalizeKey(press.key);
  const kind = BY_KEY.get(key);
  if (!kind || (press.repeat && kind !== 'step')) return null;
  return kind === 'select' ? { kind, slot: Number(key) } : { kind };
}

const SHOP: readonly ProcessName[] = ['order', 'payment', 'inventory', 'shipping'];

/**
 * What the digit keys select, in canvas order: the four services, then the
 * orchestrator when the run has one, then the broker (so `5` is the broker,
 * or the orchestrator in an orchestrated run, where the broker moves to `6`).
 */
export function selectionTargets(processNames: readonly ProcessName[]): ProcessName[] {
  const order: readonly ProcessName[] = [...SHOP, 'orchestrator', 'broker'];
  return order.filter((name) => processNames.includes(name)).slice(0, SELECT_KEYS.length);
}

/** `1–5`, or `1–6` with an orchestrator: the select row's keys as this run has them. */
export function selectKeysLabel(targets: readonly ProcessName[]): string {
  return targets.length > 1 ? `1–${targets.length}` : '1';
}

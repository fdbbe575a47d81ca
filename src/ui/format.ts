// Small text formatters shared by canvas nodes and panels.

/**
 * Enough of an id to tell the few rows on screen apart: `o-3fa1c2d4e5f60718` → `o-0718`
 * (prefix kept, last 4 hex digits); other long ids keep their last 6 characters.
 */
export function shortId(id: unknown): string {
  const s = String(id ?? '');
  if (s.length <= 8) return s;
  const prefixed = /^([A-Za-z]+)-([0-9a-f]{6,})$/.exec(s);
  return prefixed ? `${prefixed[1]}-${prefixed[2].slice(-4)}` : `…${s.slice(-6)}`;
}

/** A row or message id inside a sentence: a prefix and the hex that `randomId` and `seededIds` mint. */
const ID_IN_TEXT = /\b[A-Za-z]+-[0-9a-f]{8,}\b/g;

/**
 * A sentence cut into plain text and the ids in it, so every place that shows a checker's or a log's words
 * shows an id the way the canvas does (`shortId`), with the full id kept beside it for a tooltip.
 */
export function idParts(text: string): ({ text: string } | { id: string; short: string })[] {
  const parts: ({ text: string } | { id: string; short: string })[] = [];
  let from = 0;
  for (const match of text.matchAll(ID_IN_TEXT)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ id: match[0], short: shortId(match[0]) });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** `payment-o-3fa1…0718` → `payment-o-0718`: the key's meaning stays readable. */
export function shortKey(key: unknown): string {
  const s = String(key ?? '');
  const dash = s.indexOf('-');
  return dash > 0 && s.length > 16 ? `${s.slice(0, dash + 1)}${shortId(s.slice(dash + 1))}` : s;
}

/** Whole dollars without cents, so amounts stay narrow in a table column. */
export function money(value: unknown): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return Number.isInteger(n) ? `$${n}` : `$${n.toFixed(2)}`;
}

export function clockTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A two-phase-commit lock's resource without the SKU prefix: `stock:SKU-LAMP` → `stock:LAMP`. */
export function shortResource(resource: unknown): string {
  return String(resource ?? '').replace(/:SKU-/, ':');
}

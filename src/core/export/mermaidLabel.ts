// Text made safe to stand after the colon of a Mermaid sequence-diagram line.
// Labels come from the databases (event types, crash texts), which a tampered
// run could fill with anything. Pure.

/**
 * Everything else goes: `;` and newlines end a Mermaid statement, `#…;` is an
 * entity, `%%` a comment or directive, `<…>` HTML, and without `>` no arrow
 * (`-->>`) can be spelled.
 */
const UNSAFE = /[^A-Za-z0-9 ._\-/(),'=+@:]/g;
export const MAX_LABEL = 80;

export function mermaidLabel(text: string): string {
  const safe = String(text)
    .replace(/\s+/g, ' ')
    .replace(UNSAFE, '')
    .replace(/-{2,}/g, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (!safe) return '(unnamed)';
  return safe.length <= MAX_LABEL ? safe : `${safe.slice(0, MAX_LABEL - 3)}...`;
}

// What one committed transaction wrote, in a few words for a sequence row:
// "payments put · inbox +1 · outbox +1". Bookkeeping a reader does not need
// (meta counters, the change log a log-tailing relay reads) is left out.
// Pure.

import type { Change } from '../telemetry';

const BOOKKEEPING = new Set(['meta', 'changes']);

export function commitSummary(changes: readonly Change[]): string {
  const parts = new Map<string, { puts: number; deletes: number; clears: number; marked: number }>();
  for (const c of changes) {
    if (BOOKKEEPING.has(c.table)) continue;
    const p = parts.get(c.table) ?? { puts: 0, deletes: 0, clears: 0, marked: 0 };
    parts.set(c.table, p);
    if (c.op === 'delete') p.deletes++;
    else if (c.op === 'clear') p.clears++;
    else if (c.table === 'outbox' && c.row.published_at != null) p.marked++;
    else p.puts++;
  }
  const words = [...parts].flatMap(([table, p]) => {
    const added = table === 'outbox' || table === 'inbox';
    return [
      p.puts ? (added ? `${table} +${p.puts}` : `${table} put${p.puts > 1 ? ` ×${p.puts}` : ''}`) : '',
      p.marked ? `${table} ${p.marked} marked published` : '',
      p.deletes ? `${table} −${p.deletes}` : '',
      p.clears ? `${table} cleared` : '',
    ].filter(Boolean);
  });
  return words.length ? words.join(' · ') : 'bookkeeping only';
}

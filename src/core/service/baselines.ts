// Conserved quantities need a baseline to be checked against: what the data
// started with, plus every change a person made by hand. Both are written in
// the same transaction as the rows they describe, as meta rows
// `baseline:<table>:<key>:<field>`. Pure helpers over a handler context.

import type { HandlerContext } from './definition';
import type { MetaRow } from '../rows';

export type Conserved = Record<string, string[]>;

export const baselineKey = (table: string, key: unknown, field: string) =>
  `baseline:${table}:${String(key)}:${field}`;

/** After seeding: every conserved field of every row is its own starting baseline. */
export async function recordBaselines(ctx: HandlerContext, conserved: Conserved): Promise<void> {
  const meta = ctx.table<MetaRow>('meta');
  for (const [table, fields] of Object.entries(conserved)) {
    const t = ctx.table<Record<string, unknown>>(table);
    const keyPath = t.schema.primKey.keyPath as string;
    for (const row of await t.toArray())
      for (const field of fields)
        await meta.put({ key: baselineKey(table, row[keyPath], field), value: Number(row[field] ?? 0) });
  }
}

/** A hand edit moves the baseline by as much as it moves the field: it is a deposit, not a leak. */
export async function adjustBaselines(
  ctx: HandlerContext,
  conserved: Conserved,
  table: string,
  row: Record<string, unknown>,
): Promise<void> {
  const fields = conserved[table];
  if (!fields) return;
  const t = ctx.table<Record<string, unknown>>(table);
  const key = row[t.schema.primKey.keyPath as string];
  const before = (await t.get(key as never)) ?? {};
  const meta = ctx.table<MetaRow>('meta');
  for (const field of fields) {
    const delta = Number(row[field] ?? 0) - Number(before[field] ?? 0);
    const current = (await meta.get(baselineKey(table, key, field)))?.value ?? 0;
    if (delta) await meta.put({ key: baselineKey(table, key, field), value: current + delta });
  }
}

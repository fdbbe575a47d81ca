// Ids the toolbar gives new aggregates: "order-7", "acc-3" (as the seeded "acc-alice") — short enough to
// read from the back of a room, and never one a stream already has.

/** The next `prefix-N` above every id seen and every id this page already issued. */
export function nextId(
  prefix: string,
  existing: Iterable<string>,
  lastIssued = 0,
): { id: string; n: number } {
  let max = lastIssued;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return { id: `${prefix}-${max + 1}`, n: max + 1 };
}

import { describe, expect, it } from 'vitest';
import { applyCdcEvents, initialCdcData, type CdcData } from './cdcState';
import { BOXES, COMPACT, FULL, overlaps } from './cdcLayout';
import { LISTING_ROWS, toCdcFlow } from './toCdcFlow';

const listing = (n: number) => ({
  id: `L-${n}`,
  title: `Loft ${n}`,
  city: 'Porto',
  price: n,
  amenities: [],
  updated_at: n,
});

function running(): CdcData {
  return applyCdcEvents(
    initialCdcData(),
    (['listings', 'connector', 'broker', 'query'] as const).map((process) => ({
      kind: 'process',
      process,
      status: 'running',
    })),
    0,
  );
}

describe('the CDC canvas layout', () => {
  it('keeps every pair of nodes apart', () => {
    const boxes = Object.entries(BOXES);
    for (const [a, boxA] of boxes)
      for (const [b, boxB] of boxes) if (a < b) expect(overlaps(boxA, boxB), `${a} and ${b}`).toBe(false);
  });

  it('reads left to right: listings, then connector above broker, then query', () => {
    expect(BOXES.listings.x + BOXES.listings.w).toBeLessThan(BOXES.connector.x);
    expect(BOXES.connector.x).toBe(BOXES.broker.x);
    expect(BOXES.connector.y + BOXES.connector.h).toBeLessThan(BOXES.broker.y);
    expect(BOXES.broker.x + BOXES.broker.w).toBeLessThan(BOXES.query.x);
  });
});

describe('toCdcFlow', () => {
  it('derives four fixed nodes and three edges whose handles exist on their nodes', () => {
    const { nodes, edges } = toCdcFlow(running());
    expect(nodes.map((n) => n.id)).toEqual(['listings', 'connector', 'broker', 'query']);
    for (const e of edges) {
      expect(
        nodes
          .find((n) => n.id === e.source)
          ?.handles?.some((h) => h.id === e.sourceHandle && h.type === 'source'),
        e.id,
      ).toBe(true);
      expect(
        nodes
          .find((n) => n.id === e.target)
          ?.handles?.some((h) => h.id === e.targetHandle && h.type === 'target'),
        e.id,
      ).toBe(true);
    }
  });

  it('shows the newest writes first, no more than fit', () => {
    const s = { ...running(), listings: Array.from({ length: 30 }, (_, i) => listing(i)) };
    const node = toCdcFlow(s).nodes[0];
    expect(node.type === 'listings' && node.data.rows.map((r) => r.id).slice(0, 2)).toEqual(['L-29', 'L-28']);
    expect(node.type === 'listings' && node.data.rows.length).toBe(LISTING_ROWS);
    expect(node.type === 'listings' && node.data.total).toBe(30);
  });

  it('greys the edges of a crashed connector, and says on the publish edge how much went out again', () => {
    let s = running();
    s = {
      ...s,
      connector: {
        sources: [{ service: 'listings', position: { seq: 5 }, head: 9, lag: 4 }],
        published: 12,
        duplicates: 3,
        snapshotRows: 8,
        warnings: 0,
      },
    };
    const busy = toCdcFlow(s).edges;
    expect(busy.map((e) => e.data?.tone)).toEqual(['busy', 'busy', 'idle']);
    expect(busy[1].data?.lines.map((l) => [l.text, l.value])).toEqual([
      ['publish', '12'],
      ['listings.listings', undefined],
      ['again after restart', '3'],
    ]);
    s = applyCdcEvents(
      s,
      [{ kind: 'crashed', process: 'connector', point: 'cdc-after-publish-before-position' }],
      0,
    );
    expect(toCdcFlow(s).edges.map((e) => e.data?.tone)).toEqual(['down', 'down', 'idle']);
  });
});

describe('the presenter’s compact canvas', () => {
  const changes = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      before: null,
      after: listing(i),
      op: 'c' as const,
      source: { service: 'listings', table: 'listings', txId: `tx-${i}`, sequence: i + 1 },
      ts_ms: i,
    }));

  it('keeps every pair of nodes apart, each edge’s ends on its nodes’ sides', () => {
    const boxes = Object.entries(COMPACT.boxes);
    for (const [a, boxA] of boxes)
      for (const [b, boxB] of boxes) if (a < b) expect(overlaps(boxA, boxB), `${a} and ${b}`).toBe(false);
    for (const [name, handles] of Object.entries(COMPACT.handles)) {
      const b = COMPACT.boxes[name as keyof typeof COMPACT.boxes];
      for (const h of handles) {
        expect(h.x, `${name} ${h.id}`).toBeGreaterThanOrEqual(0);
        expect(h.x, `${name} ${h.id}`).toBeLessThanOrEqual(b.w);
        expect(h.y, `${name} ${h.id}`).toBeGreaterThanOrEqual(0);
        expect(h.y, `${name} ${h.id}`).toBeLessThanOrEqual(b.h);
      }
    }
  });

  it('is shorter than the full canvas, so a 1280×720 projector fits it to its width', () => {
    const bottom = (g: typeof COMPACT) => Math.max(...Object.values(g.boxes).map((b) => b.y + b.h));
    expect(bottom(COMPACT)).toBeLessThan(bottom(FULL));
  });

  it('shows the newest rows that fit their lines: long values take more than one', () => {
    const long = (n: number) => ({ ...listing(n), title: 'Modern treehouse with a view over the old canal' });
    const s = {
      ...running(),
      listings: Array.from({ length: 30 }, (_, i) => (i % 2 ? listing(i) : long(i))),
      changes: changes(40),
    };
    const { nodes } = toCdcFlow(s, { compact: true });
    const listings = nodes[0];
    if (listings.type !== 'listings') throw new Error('listings first');
    expect(listings.data.compact).toBe(true);
    expect(listings.data.rows[0].id).toBe('L-29');
    expect(listings.data.rows.length).toBeGreaterThan(1);
    expect(listings.data.rows.length).toBeLessThan(COMPACT.compact!.lines.listings);
    expect(listings.data.total).toBe(30);
    expect(listings.data.log.rows[0].seq).toBe(40);
    expect(listings.data.log.total).toBe(40);
    expect(listings.data.log.rows.length).toBeLessThan(COMPACT.compact!.lines.log);
    // The full canvas keeps its fixed slots.
    const full = toCdcFlow(s).nodes[0];
    expect(full.type === 'listings' && full.data.rows.length).toBe(LISTING_ROWS);
  });
});

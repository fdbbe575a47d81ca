// How the room sees a canvas (issue 17): the smallest text as shown (font size times every transform and zoom
// above it), clipped labels, overlapping nodes and nodes cut off by the canvas. Used by projector.spec.ts.

import { expect, type Frame, type Page } from '@playwright/test';

export const MIN_FONT_PX = 14;

/** What one canvas measures: the smallest text (and where), clipped labels, overlapping and cut-off nodes. */
export interface Measure {
  canvases: number;
  nodes: number;
  minFont: number;
  minFontText: string;
  small: string[];
  clipped: string[];
  overlaps: string[];
  outside: string[];
}

/**
 * Runs in the page: measures every canvas (`.canvas`, the event-sourced page's `.es-processes`).
 * A text's size is its computed font-size times the scale of every transform and CSS zoom above it,
 * so React Flow's fitted zoom counts.
 */
export function measureCanvas(minFont: number): Measure {
  const roots = [...document.querySelectorAll<HTMLElement>('.canvas, .es-processes')];
  const out: Measure = {
    canvases: roots.length,
    nodes: 0,
    minFont: Infinity,
    minFontText: '',
    small: [],
    clipped: [],
    overlaps: [],
    outside: [],
  };
  const scaleOf = (element: Element, root: Element) => {
    let scale = 1;
    for (let e: Element | null = element; e && e !== root.parentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.transform && style.transform !== 'none') scale *= new DOMMatrix(style.transform).a;
      const zoom = parseFloat(style.zoom || '1');
      if (zoom && zoom !== 1) scale *= zoom;
    }
    return scale;
  };
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
      return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  // A text can fit its own box and still be cut by a box around it that hides its overflow (a cell, a
  // node, a strip): the text's rectangle reaches past that ancestor's. Scrolling boxes (a full table
  // opened by "+N more") are meant to hold more than they show, so they do not count.
  const clippedBy = (element: Element): Element | null => {
    const r = element.getBoundingClientRect();
    // Within a node: an edge label cut by the canvas's own edge is not yet held to this (log-tailing runs).
    const node = element.closest('.react-flow__node');
    if (!node) return null;
    for (let e = element.parentElement; e && e !== node.parentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      const hides = (o: string) => o === 'hidden' || o === 'clip';
      if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
      const box = e.getBoundingClientRect();
      const outX = r.left < box.left - 1 || r.right > box.right + 1;
      const outY = r.top < box.top - 1 || r.bottom > box.bottom + 1;
      if ((hides(style.overflowX) && outX) || (hides(style.overflowY) && outY)) return e;
    }
    return null;
  };
  const describe = (element: Element) =>
    `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || seen.has(parent)) continue;
      seen.add(parent);
      if (!visible(parent) || parent.closest('[aria-hidden="true"], .react-flow__attribution')) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize) * scaleOf(parent, root);
      if (size < out.minFont) {
        out.minFont = size;
        out.minFontText = describe(parent);
      }
      if (size < minFont - 0.05 && out.small.length < 8)
        out.small.push(`${size.toFixed(1)}px ${describe(parent)}`);
      const display = getComputedStyle(parent).display;
      if (display !== 'inline' && parent.clientWidth > 0 && parent.scrollWidth > parent.clientWidth + 1)
        out.clipped.push(`${parent.scrollWidth}>${parent.clientWidth} ${describe(parent)}`);
      else {
        const cut = clippedBy(parent);
        if (cut) out.clipped.push(`cut by ${describe(cut)}: ${describe(parent)}`);
      }
    }
    // A node's box is fixed: content taller than it is cut off at the bottom, which no label's width shows.
    for (const body of root.querySelectorAll<HTMLElement>(
      '.react-flow__node .node, .react-flow__node .node-body',
    ))
      if (visible(body) && body.scrollHeight > body.clientHeight + 1)
        out.clipped.push(`${body.scrollHeight}>${body.clientHeight} tall ${describe(body)}`);
    const canvasRect = root.getBoundingClientRect();
    const boxes = [...root.querySelectorAll('.react-flow__node, .es-process')]
      .filter(visible)
      .map((n) => ({ name: n.getAttribute('data-id') ?? describe(n), rect: n.getBoundingClientRect() }));
    out.nodes += boxes.length;
    for (const [i, a] of boxes.entries()) {
      const r = a.rect;
      if (
        r.left < canvasRect.left - 1 ||
        r.top < canvasRect.top - 1 ||
        r.right > canvasRect.right + 1 ||
        r.bottom > canvasRect.bottom + 1
      )
        out.outside.push(a.name);
      for (const b of boxes.slice(i + 1)) {
        const s = b.rect;
        const w = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const h = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (w > 1 && h > 1) out.overlaps.push(`${a.name} × ${b.name}`);
      }
    }
  }
  return out;
}

/** Waits until the page (or frame) has drawn its canvas and React Flow has fitted it. */
export async function settled(target: Page | Frame) {
  await target.waitForFunction(
    () =>
      document.querySelector('.react-flow__node, .es-process') !== null &&
      document.querySelector('.react-flow__viewport[style*="scale"], .es-processes') !== null,
    undefined,
    { timeout: 60_000 },
  );
  // Two frames for the fit after the last node joined, and one for a resize refit.
  await target.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300))),
      ),
  );
}

export function expectReadable(measures: Measure[], where: string) {
  for (const m of measures) {
    console.log(`${where}: min font ${m.minFont.toFixed(1)}px (${m.minFontText}); ${m.nodes} nodes`);
    expect(m.canvases, `${where}: a canvas`).toBeGreaterThan(0);
    expect(m.nodes, `${where}: nodes drawn`).toBeGreaterThan(0);
    expect.soft(m.small, `${where}: text under ${MIN_FONT_PX}px`).toEqual([]);
    expect.soft(m.clipped, `${where}: clipped text`).toEqual([]);
    expect.soft(m.overlaps, `${where}: overlapping nodes`).toEqual([]);
    expect.soft(m.outside, `${where}: nodes cut off by the canvas`).toEqual([]);
  }
}

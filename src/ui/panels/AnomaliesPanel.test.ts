import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { INVARIANTS, type InvariantName } from '../../core/invariantCatalogue';
import { AnomaliesList } from './AnomaliesPanel';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

describe('AnomaliesList', () => {
  it('shows what each broken invariant promises, the before approaches’ included', () => {
    const names: InvariantName[] = [
      'no-event-lost',
      'no-2pc-blocked',
      'saga-fully-compensated',
      'no-order-stuck',
      'no-duplicate-side-effect',
    ];
    const html = renderToStaticMarkup(
      createElement(AnomaliesList, {
        anomalies: names.map((invariant) => ({ invariant, message: `broken: ${invariant}` })),
        check: { at: 0, settled: true },
      }),
    );
    for (const name of names) {
      expect(html).toContain(`broken: ${name}`);
      expect(html).toContain(escapeHtml(INVARIANTS[name]));
    }
  });
});

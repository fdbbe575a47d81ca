// The page address of a run with another saga style. Pure: takes the current
// address, so it is tested without a browser. Defaults stay out of the URL.

import type { SagaStyle } from '../../core/service/definition';

export const DEFAULT_STYLE: SagaStyle = 'choreography';

export function urlWithStyle(href: string, style: SagaStyle): string {
  const url = new URL(href);
  if (style === DEFAULT_STYLE) url.searchParams.delete('style');
  else url.searchParams.set('style', style);
  return url.toString();
}

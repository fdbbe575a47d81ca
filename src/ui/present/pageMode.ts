// Which page the address asks for: the full playground, a bare canvas for
// slides and iframes (`?embed=1`), presenter mode (`?present=1`), the
// side-by-side comparison (`?compare=1`) or interview mode (`?interview=1`),
// the last two starting no run of their own.
// Pure: takes the query string, so it is unit-tested.

export type PageMode = 'full' | 'embed' | 'present' | 'compare' | 'interview';

/** The pages that start no run: their links open runs. */
export type RunlessPage = 'compare' | 'interview';

/** `?flag`, `?flag=1` and `?flag=true` turn a flag on; `0`, `false` or absence leave it off. */
export function flagOn(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value !== null && !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** Compare wins over embed (its frames are the embeds), embed over present (a slide has no keyboard chrome). */
export function pageMode(search: string): PageMode {
  const params = new URLSearchParams(search);
  if (flagOn(params, 'compare')) return 'compare';
  if (flagOn(params, 'interview')) return 'interview';
  if (flagOn(params, 'embed')) return 'embed';
  if (flagOn(params, 'present')) return 'present';
  return 'full';
}

/**
 * Whether the page draws a past moment on its canvas: only the full playground, whose timeline picks one. An embed's
 * and the presenter's canvas are always live, so folding the history for them would be reads nobody sees.
 */
export function drawsPast(mode: Exclude<PageMode, RunlessPage>): boolean {
  return mode === 'full';
}

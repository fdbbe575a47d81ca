// Whether this page was opened bare — no scenario link, no run to resume, no
// option: the address a first-time visitor types or is sent. Read once at
// start, before the run writes its `run=` into the address.

let plain = false;

/** Remembers how the page was opened: call once, first thing, with the page's location. */
export function rememberLanding(location: Pick<Location, 'hash' | 'search'>): void {
  plain = !location.hash && (location.search === '' || location.search === '?');
}

/** True when the page was opened on its bare address. */
export function landedPlain(): boolean {
  return plain;
}

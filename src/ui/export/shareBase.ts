// The address a share link is built on: this page without its hash (the old
// scenario) and without `run`, which would resume this run's databases
// instead of replaying the scenario in a fresh run. Pure, so it is tested in Node.

export function shareBase(href: string): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.delete('run');
  return url.toString();
}

/** Opens `link`. When only its hash differs from this page, assigning alone would not start a run: reload. */
export function openLink(link: string, location: Pick<Location, 'href' | 'assign' | 'reload'>): void {
  const samePage = link.split('#')[0] === location.href.split('#')[0];
  location.assign(link);
  if (samePage) location.reload();
}

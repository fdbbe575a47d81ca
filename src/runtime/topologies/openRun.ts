// How every topology's module opens a run: load its run kit and its page
// (lazily, so a page is downloaded only when a link asks for it), boot the
// run, and render the page for its controller.

import type { ReactElement } from 'react';
import { startRun, type Bootable, type RunKit } from '../boot';
import type { PageChrome, PageSlot } from './topologyModule';

export async function openRun<Ctl, C extends Ctl & Bootable>(
  location: Location,
  chrome: PageChrome,
  run: () => Promise<RunKit<Ctl, C>>,
  page: () => Promise<PageSlot<Ctl>>,
): Promise<ReactElement> {
  const [kit, slot] = await Promise.all([run(), page()]);
  return slot.render(await startRun(location, kit), chrome);
}

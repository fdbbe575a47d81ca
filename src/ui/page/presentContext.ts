// Whether a run's page is shown to a room (`?present=1`): the page shell says
// so once, and what draws inside it (a canvas that locks its zoom) asks here
// instead of being handed a flag through every slot.

import { createContext, useContext } from 'react';

export const PresentContext = createContext(false);

/** True inside a page opened with `?present=1`. */
export function usePresent(): boolean {
  return useContext(PresentContext);
}

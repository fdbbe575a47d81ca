// The run's approach as the page shows it: read from the controller, with the
// duplicate guards as the run last said (a switch flipped live, or by a fork,
// changes them while the page is open).

import { useMemo } from 'react';
import { approachOf, type Approach } from './approach';
import { useController } from './controls/ControllerContext';
import { usePlayground } from './store/hooks';

export function useApproach(): Approach {
  const controller = useController();
  const guards = usePlayground((s) => s.guards);
  return useMemo(() => {
    const approach = approachOf(controller);
    return guards ? { ...approach, guards } : approach;
  }, [controller, guards]);
}

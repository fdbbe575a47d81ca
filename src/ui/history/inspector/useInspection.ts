// The selected item's inspection, read from the run as of the page's moment:
// again whenever the selection or the moment changes, and while the page
// looks at now, each time the run records more facts (so a row that changes
// is shown as it is). A slower answer to an older question is dropped.

import { useEffect, useState } from 'react';
import type { Inspection } from '../../../runtime/historyReads';
import { errorText } from '../../store/connect';
import { useHistoryReads } from '../HistoryContext';
import { useRecordedFacts } from '../historyFeed';
import type { InspectTarget } from '../historyViewStore';
import { momentOf, useMoment } from '../momentStore';
import { inspectKind } from './inspectorFormat';

export type InspectionState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'shown'; inspection: Inspection }
  | { status: 'refused'; message: string };

export function useInspection(target: InspectTarget | null): InspectionState {
  const { reads } = useHistoryReads();
  const viewing = useMoment((s) => s.viewing);
  const { facts } = useRecordedFacts(reads);
  // Only a look at now follows the run as it records; a past moment's answer cannot change.
  const newest = viewing ? null : (facts.at(-1)?.seq ?? -1);
  const [state, setState] = useState<InspectionState>({ status: 'idle' });
  const kind = target ? inspectKind(target) : null;
  const id = target?.id ?? null;
  const time = viewing?.time;
  const step = viewing?.step;

  useEffect(() => {
    if (kind === null || id === null) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    // The same item re-read stays on screen meanwhile; another one is not shown until it is read.
    setState((s) => (s.status === 'shown' && s.inspection.id === id ? s : { status: 'loading' }));
    const moment = momentOf(time === undefined ? null : { time, step: step ?? null });
    reads.inspect(kind, id, moment).then(
      (inspection) => current && setState({ status: 'shown', inspection }),
      (error: unknown) => current && setState({ status: 'refused', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [reads, kind, id, time, step, newest]);

  return state;
}

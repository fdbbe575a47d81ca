// Beneath a service's business tables: whatever its run's approach makes
// worth watching (see sections.ts for the choice).

import type { ServiceNodeData } from './flowTypes';
import { CoordinatorLog } from './CoordinatorLog';
import { DualWriteNote, NoEventsNote } from './EventNotes';
import { InboxStrip } from './InboxStrip';
import { OutboxTable } from './OutboxTable';
import { ChangeLogTable } from './ChangeLogTable';
import { RelayLine } from './RelayLine';
import { ParticipantPanel } from './ParticipantPanel';

const OUTBOX_SLOTS = 4;
const TAILED_SLOTS = 2;

export function LowerSection({ data }: { data: ServiceNodeData }) {
  const inbox = <InboxStrip service={data.service} {...data.inbox} handlerFailures={data.handlerFailures} />;
  const section = data.lower;
  const relay = data.relayLine === false ? null : <RelayLine stats={data.relay} compact={data.compact} />;
  // The presenter's compact node keeps a row of each, or none: the counts in the captions say the rest.
  const outboxSlots = data.outboxRows ?? OUTBOX_SLOTS;
  const tailedSlots = data.outboxRows ?? TAILED_SLOTS;
  switch (section.kind) {
    case 'outbox': {
      const outbox = (slots: number) => (
        <OutboxTable
          service={data.service}
          view={data.outbox}
          slots={slots}
          compact={data.compact}
          captionWraps={data.captionWraps}
        />
      );
      // A log-tailing relay's change log takes room from the outbox, so the node keeps its height.
      return data.logTail ? (
        <>
          {outbox(tailedSlots)}
          <ChangeLogTable service={data.service} tail={data.logTail} slots={tailedSlots} />
          {relay}
          {inbox}
        </>
      ) : (
        <>
          {outbox(outboxSlots)}
          {relay}
          {inbox}
        </>
      );
    }
    case 'dual-write':
      return (
        <>
          <DualWriteNote
            sent={section.sent}
            lost={section.lost}
            outboxRows={section.outboxRows}
            compact={data.compact}
          />
          {inbox}
        </>
      );
    case 'no-events':
      return <NoEventsNote title={section.title} lines={section.lines} stat={section.stat} />;
    case 'coordinator':
      return <CoordinatorLog view={section.view} slots={outboxSlots} />;
    case 'participant':
      return <ParticipantPanel view={section.view} />;
  }
}

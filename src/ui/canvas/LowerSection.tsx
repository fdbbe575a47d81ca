// Beneath a service's business tables: whatever its run's approach makes
// worth watching (see sections.ts for the choice).

import type { ServiceNodeData } from './flowTypes';
import { CoordinatorLog } from './CoordinatorLog';
import { DualWriteNote, NoEventsNote } from './EventNotes';
import { InboxStrip } from './InboxStrip';
import { OutboxTable } from './OutboxTable';
import { ParticipantPanel } from './ParticipantPanel';

const OUTBOX_SLOTS = 5;

export function LowerSection({ data }: { data: ServiceNodeData }) {
  const inbox = <InboxStrip {...data.inbox} handlerFailures={data.handlerFailures} />;
  const section = data.lower;
  switch (section.kind) {
    case 'outbox':
      return (
        <>
          <OutboxTable view={data.outbox} slots={OUTBOX_SLOTS} />
          {inbox}
        </>
      );
    case 'dual-write':
      return (
        <>
          <DualWriteNote sent={section.sent} lost={section.lost} outboxRows={section.outboxRows} />
          {inbox}
        </>
      );
    case 'no-events':
      return <NoEventsNote title={section.title} lines={section.lines} stat={section.stat} />;
    case 'coordinator':
      return <CoordinatorLog view={section.view} slots={OUTBOX_SLOTS} />;
    case 'participant':
      return <ParticipantPanel view={section.view} />;
  }
}

// The broker in a CDC run: the one topic the connector writes, keyed by
// listing id, and what it took in (as the connector counted the broker's
// acknowledgements). Only Crash now: it has no crash points to arm.

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../cdcFlowTypes';
import { count } from '../cdcFormat';
import { geometryOf } from '../cdcLayout';
import { CdcNodeFrame } from './CdcNodeFrame';

function CdcBrokerNodeView({ data }: NodeProps<NodeOf<'cdcBroker'>>) {
  return (
    <CdcNodeFrame process="broker" state={data.process} handles={geometryOf(data.compact).handles.broker}>
      <div className="cdc-topic" title="One topic per captured table: <service>.<table>">
        <span className="muted">topic</span> <strong>{data.topic}</strong>
      </div>
      <div className="cdc-fact">
        <span>key</span>
        <span>listing id</span>
      </div>
      <div className="cdc-fact">
        <span>records in</span>
        <strong data-testid="broker-received">
          {count(data.received)}
          {data.duplicates > 0 && <span className="cdc-again"> ({count(data.duplicates)} again)</span>}
        </strong>
      </div>
      <div className="cdc-fact">
        <span>consumer group</span>
        <span>query</span>
      </div>
    </CdcNodeFrame>
  );
}

export const CdcBrokerNode = memo(CdcBrokerNodeView);

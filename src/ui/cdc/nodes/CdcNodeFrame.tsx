// The frame every CDC node shares with the shop's nodes: title and status,
// crash controls — or, once crashed, where it died and Restart — and its body
// beneath, greyed while it is down. Handles are placed where cdcLayout.ts says.

import { Handle, Position, type NodeHandle } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { CdcNode } from '../../../runtime/cdcController';
import { ArmedBadge, CrashedBanner, StatusBadge } from '../../canvas/StatusBadge';
import type { ProcessState } from '../../store/types';
import { CdcCrashControls, CdcRestartButton } from '../CdcCrashControls';

/** A handle's place along its side; React Flow's own CSS puts it on the side. */
const alongSide = (h: NodeHandle) =>
  h.position === Position.Left || h.position === Position.Right ? { top: h.y } : { left: h.x };

interface Props {
  process: CdcNode;
  state: ProcessState;
  /** A word or two beside the title; narrow nodes have none (it would be cut off). */
  subtitle?: string;
  handles: readonly NodeHandle[];
  /** What survives the crash, shown beside Restart. */
  children: ReactNode;
}

export function CdcNodeFrame({ process, state, subtitle, handles, children }: Props) {
  const crashed = state.status === 'crashed';
  return (
    <section
      className={`node cdc-node cdc-${process} node-${state.status}`}
      aria-label={subtitle ? `${process}: ${subtitle}` : process}
      data-testid={`cdc-${process}`}
      data-status={state.status}
    >
      <header className="node-head">
        <h2 className="node-title">{process}</h2>
        {subtitle && <span className="node-subtitle cdc-subtitle">{subtitle}</span>}
        <ArmedBadge state={state} />
        <StatusBadge state={state} />
      </header>
      {crashed ? (
        <CrashedBanner state={state}>
          <CdcRestartButton process={process} />
        </CrashedBanner>
      ) : (
        <CdcCrashControls process={process} state={state} />
      )}
      <div className="node-body cdc-body">{children}</div>
      {handles.map((h) => (
        <Handle
          key={h.id}
          id={h.id ?? undefined}
          type={h.type}
          position={h.position}
          isConnectable={false}
          style={alongSide(h)}
        />
      ))}
    </section>
  );
}

// One process of the run as a panel framed like the shop's service nodes: its
// status, its crash controls — or, once crashed, where it died and Restart —
// and its tables beneath, greyed while it is down.

import type { ReactNode } from 'react';
import type { EsProcess } from '../../runtime/esController';
import { errorText } from './connectEs';
import { EsCrashControls } from './EsCrashControls';
import { useEs, useEsContext } from './EsContext';
import type { EsProcessState } from './esState';

const LABELS: Record<EsProcessState['status'], string> = {
  starting: 'starting',
  running: 'running',
  crashed: 'CRASHED',
  restarting: 'restarting…',
};

function CrashedBanner({ process, state }: { process: EsProcess; state: EsProcessState }) {
  const { controller, facts } = useEsContext();
  return (
    <div className="crashed-banner es-crashed" role="status">
      <div className="crashed-where">
        CRASHED{' '}
        {state.crashedAt === 'manual' ? 'by “Crash now”' : `at ${state.crashedAt ?? 'an unknown point'}`}
      </div>
      <div className="crashed-actions">
        <button
          type="button"
          className="btn btn-restart"
          aria-label={`Restart ${process}`}
          onClick={() =>
            controller
              .restart(process)
              .catch((err: unknown) => facts.getState().reportError(`Restart ${process}`, errorText(err)))
          }
        >
          Restart
        </button>
        <span className="crashed-hint">
          {process === 'query' ? 'read models and checkpoints kept in IndexedDB' : 'events kept in IndexedDB'}
        </span>
      </div>
    </div>
  );
}

interface Props {
  process: EsProcess;
  subtitle: ReactNode;
  /** A narrow panel stacks its crash-point picker above the buttons. */
  narrow?: boolean;
  children: ReactNode;
}

export function ProcessPanel({ process, subtitle, narrow = false, children }: Props) {
  const state = useEs((s) => s.processes[process]);
  const crashed = state.status === 'crashed';
  return (
    <section
      className={`node es-process node-${state.status}`}
      aria-label={`${process} process`}
      data-testid={`es-${process}`}
      data-status={state.status}
    >
      <header className="node-head">
        <h2 className="node-title">{process}</h2>
        <span className="node-subtitle es-process-subtitle">{subtitle}</span>
        {state.armed && state.status === 'running' && (
          <span className="armed-badge" title={`Crashes at ${state.armed}`}>
            armed
          </span>
        )}
        <span className={`status-badge status-${state.status}`}>{LABELS[state.status]}</span>
      </header>
      {crashed ? (
        <CrashedBanner process={process} state={state} />
      ) : (
        <EsCrashControls process={process} state={state} stacked={narrow} />
      )}
      <div className="node-body es-process-body">{children}</div>
    </section>
  );
}

// The event-sourced run's toolbar: what this page is, which run, and the
// commands that give the panels something to show.

import { EsRunBadge } from './EsRunBadge';
import { GrowButton } from './GrowButton';
import { TransferForm } from './TransferForm';
import { useToolbarActions } from './useToolbarActions';
import { useEsController } from './EsContext';
import { PageStepControls } from '../page/PageStepControls';

export function EsToolbar() {
  const a = useToolbarActions();
  const controller = useEsController();
  return (
    <header className="toolbar es-toolbar">
      <h1 className="app-title es-title">
        Messaging Patterns Playground
        <span className="app-subtitle">Event sourcing · CQRS</span>
      </h1>
      <EsRunBadge />
      <div className="toolbar-actions" role="group" aria-label="Commands">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!a.ordersUp}
          onClick={a.newOrder}
          title="Create an order and add two items: three events in a new stream"
        >
          New order
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!a.bankUp}
          onClick={a.openAccount}
          title="Open an account and deposit $100 into it"
        >
          Open account
        </button>
        <button
          type="button"
          className="btn"
          disabled={!a.bankUp || !a.account}
          onClick={a.deposit}
          title={a.account ? `Deposit $50 into ${a.account}` : 'Open an account first'}
        >
          Deposit
        </button>
        <TransferForm />
        <button
          type="button"
          className="btn"
          disabled={!a.ordersUp || !a.order}
          onClick={a.race}
          title={a.order ? `Two writers append to ${a.order} from the same version` : 'Create an order first'}
        >
          Stage a race
        </button>
        <GrowButton />
      </div>
      <PageStepControls controller={controller} rewinds />
    </header>
  );
}

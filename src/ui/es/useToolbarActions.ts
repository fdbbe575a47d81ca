// The toolbar's commands bound to this page: each picks its order or account
// (the chosen one, else the newest), runs, chooses what it made, and reports a
// failure in the error banner.

import { errorText } from './connectEs';
import { newOrder, openAccount, DEPOSIT, target } from './esActions';
import { useEs, useEsContext, useEsView } from './EsContext';

export function useToolbarActions() {
  const { controller, facts, view } = useEsContext();
  const streams = useEs((s) => s.streams);
  const ordersUp = useEs((s) => s.processes.orders.status === 'running');
  const bankUp = useEs((s) => s.processes.bank.status === 'running');
  const chosen = useEsView((s) => s.chosen);
  const order = target('orders', chosen, streams);
  const account = target('bank', chosen, streams);

  const attempt = (code: string, work: () => Promise<unknown>) => {
    work().catch((err: unknown) => facts.getState().reportError(code, errorText(err)));
  };
  const fresh = (prefix: 'order' | 'acc') =>
    view.getState().issue(
      prefix,
      facts.getState().streams.map((s) => s.id),
    );

  return {
    ordersUp,
    bankUp,
    order,
    account,
    newOrder: () => {
      const { id, n } = fresh('order');
      view.getState().choose({ store: 'orders', id });
      attempt('New order', () => newOrder(controller, id, n));
    },
    openAccount: () => {
      const { id, n } = fresh('acc');
      view.getState().choose({ store: 'bank', id });
      attempt('Open account', () => openAccount(controller, id, n));
    },
    deposit: () =>
      account &&
      attempt('Deposit', () => controller.accountCommand(account, { type: 'deposit', amount: DEPOSIT })),
    race: () => {
      if (!order) return;
      view.getState().choose({ store: 'orders', id: order });
      view.getState().requestRace(order);
    },
    /** For GrowButton and TransferForm: a fresh order id when none exists yet. */
    freshOrder: () => fresh('order'),
  };
}

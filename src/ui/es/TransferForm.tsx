// "Transfer…": move money between two accounts — a saga over events (debit,
// credit, complete), each step its own append. A popover like the shop's "Order…".

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { InlineError } from '../faults/InlineError';
import { otherAccounts, transferSource } from './esActions';
import { useEs, useEsContext, useEsView } from './EsContext';
import { useAsyncAction } from './useAsyncAction';
import { Popover } from '../controls/Popover';

function TransferFields({ onClose }: { onClose(): void }) {
  const { controller } = useEsContext();
  const streams = useEs((s) => s.streams);
  const chosen = useEsView((s) => s.chosen);
  const accounts = streams.filter((s) => s.store === 'bank').map((s) => s.id);
  const balances = useEs((s) => s.readModels.balances);
  const [from, setFrom] = useState(() => transferSource(chosen, streams, balances) ?? '');
  const [to, setTo] = useState(() => otherAccounts(from, streams)[0] ?? '');
  const [amount, setAmount] = useState(25);
  const [done, setDone] = useState<string | null>(null);
  const action = useAsyncAction();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void action
      .run(() => controller.transfer(from, to, amount))
      .then((id) => id && setDone(`${id}: ${from} → ${to} done`));
  };
  return (
    <form
      className="order-form"
      aria-label="Transfer money"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label>
        from
        <select ref={first} aria-label="transfer from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {accounts.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      <label>
        to
        <select aria-label="transfer to" value={to} onChange={(e) => setTo(e.target.value)}>
          {accounts.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      <label>
        amount
        <input
          type="number"
          aria-label="transfer amount"
          min={1}
          value={amount}
          onChange={(e) => setAmount(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
        />
      </label>
      <div className="order-form-actions">
        <span className="muted" role="status">
          {action.busy ? 'transferring…' : done}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={action.busy || !from || !to || from === to}
        >
          Transfer
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {action.error && <InlineError message={action.error} onDismiss={action.clearError} />}
    </form>
  );
}

export function TransferForm() {
  const enough = useEs((s) => s.streams.filter((x) => x.store === 'bank').length >= 2);
  const bankUp = useEs((s) => s.processes.bank.status === 'running');
  return (
    <Popover
      label="Transfer…"
      disabled={!enough || !bankUp}
      title={enough ? 'Move money between two accounts: debit, credit, complete' : 'Open two accounts first'}
    >
      {(close) => <TransferFields onClose={close} />}
    </Popover>
  );
}

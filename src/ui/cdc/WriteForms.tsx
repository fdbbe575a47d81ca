// One write to the legacy table from the toolbar: a new listing (a popover
// with its title, city and price), a new price for the chosen listing, or its
// delete. Each is a plain write in the service's own transaction; the change
// row beside it is the database's doing.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ListingWrite } from '../../runtime/cdcController';
import { Popover } from '../controls/Popover';
import { InlineError } from '../faults/InlineError';
import { useAsyncAction } from '../es/useAsyncAction';
import { CITIES, nextListingId } from './cdcActions';
import { useCdc, useCdcContext } from './CdcContext';
import { errorText } from './connectCdc';
import { useTargetListing } from './useTarget';

const wholePrice = (text: string) => Math.max(1, Math.floor(Number(text) || 1));

function useWrite() {
  const { controller, view } = useCdcContext();
  const action = useAsyncAction();
  /** Resolves with the listing's id, or undefined when the write failed (its error then shows in the form). */
  const write = (w: ListingWrite) =>
    action.run(async () => {
      const id = await controller.write(w);
      view.getState().select(id);
      return id;
    });
  return { action, write };
}

function FormActions({ busy, label, onClose }: { busy: boolean; label: string; onClose(): void }) {
  return (
    <div className="order-form-actions">
      <span className="muted" role="status">
        {busy ? 'writing…' : ''}
      </span>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {label}
      </button>
      <button type="button" className="btn" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function NewListingFields({ onClose }: { onClose(): void }) {
  const listings = useCdc((s) => s.listings);
  const [title, setTitle] = useState('Cosy loft by the harbour');
  const [city, setCity] = useState(CITIES[0]);
  const [price, setPrice] = useState(120);
  const { action, write } = useWrite();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = nextListingId(listings ?? []);
    void write({
      op: 'create',
      listing: { id, title: title.trim() || 'Untitled listing', city, price, amenities: ['wifi'] },
    }).then((done) => done && onClose());
  };
  return (
    <form
      className="order-form"
      aria-label="New listing"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label>
        title
        <input
          ref={first}
          aria-label="listing title"
          value={title}
          maxLength={60}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        city
        <select aria-label="listing city" value={city} onChange={(e) => setCity(e.target.value)}>
          {CITIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        price
        <input
          type="number"
          aria-label="listing price"
          min={1}
          value={price}
          onChange={(e) => setPrice(wholePrice(e.target.value))}
        />
      </label>
      <FormActions busy={action.busy} label="Insert" onClose={onClose} />
      {action.error && <InlineError message={action.error} onDismiss={action.clearError} />}
    </form>
  );
}

function EditPriceFields({ onClose }: { onClose(): void }) {
  const target = useTargetListing();
  const [price, setPrice] = useState(() => (target?.price ?? 100) + 25);
  const { action, write } = useWrite();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!target) return <p className="muted">No listing to edit.</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void write({ op: 'update', id: target.id, changes: { price } }).then((done) => done && onClose());
  };
  return (
    <form
      className="order-form"
      aria-label={`Edit the price of ${target.id}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <p className="cdc-form-target">
        <strong>{target.id}</strong> {target.title} · now ${target.price}
      </p>
      <label>
        price
        <input
          ref={first}
          type="number"
          aria-label="new price"
          min={1}
          value={price}
          onChange={(e) => setPrice(wholePrice(e.target.value))}
        />
      </label>
      <FormActions busy={action.busy} label="Update" onClose={onClose} />
      {action.error && <InlineError message={action.error} onDismiss={action.clearError} />}
    </form>
  );
}

export function WriteForms() {
  const { controller, facts } = useCdcContext();
  const up = useCdc((s) => s.processes.listings.status === 'running');
  const target = useTargetListing();
  const remove = () => {
    if (target)
      controller
        .write({ op: 'delete', id: target.id })
        .catch((err: unknown) => facts.getState().reportError('Delete', errorText(err)));
  };
  return (
    <>
      <Popover
        label="New listing…"
        className="btn btn-primary"
        disabled={!up}
        title="Insert one listing: the service writes its table; the change log gets an op c row in the same transaction"
      >
        {(close) => <NewListingFields onClose={close} />}
      </Popover>
      <Popover
        label="Edit price…"
        disabled={!up || !target}
        title={target ? `Update ${target.id}’s price: an op u row with before and after` : 'No listing yet'}
      >
        {(close) => <EditPriceFields onClose={close} />}
      </Popover>
      <button
        type="button"
        className="btn"
        disabled={!up || !target}
        onClick={remove}
        aria-label={target ? `Delete ${target.id}` : 'Delete'}
        title={
          target ? `Delete ${target.id} (${target.title}): an op d row with the row before` : 'No listing yet'
        }
      >
        Delete {target?.id ?? ''}
      </button>
    </>
  );
}

// "Order…": place one or N orders with a chosen customer, SKU, quantity and region,
// so a saga meets exactly the data the presenter set up (an unserved region,
// a declined card, an empty shelf). It stays open to place several.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CustomerRow, RegionRow, Row, StockRow } from '../../core/rows';
import { CUSTOMERS, PRICES, REGIONS } from '../../core/services/catalog';
import { money } from '../format';
import { useBusinessRows } from '../setup/useBusinessRows';
import { useActions } from './useActions';
import { Popover } from './Popover';

function useChoices() {
  const customers = useBusinessRows<CustomerRow & Row>('payment', 'customers');
  const stock = useBusinessRows<StockRow & Row>('inventory', 'stock');
  const regions = useBusinessRows<RegionRow & Row>('shipping', 'regions');
  // Before the services report, the catalogue they are seeded from stands in.
  return {
    customers: (customers.length ? customers : CUSTOMERS).map((c) => c.id),
    skus: stock.length ? stock.map((s) => s.sku) : Object.keys(PRICES),
    regions: regions.length ? regions : REGIONS,
  };
}

/** A whole number from 1 to `max`; anything else typed is clamped into range. */
function CountField(props: {
  label: string;
  aria: string;
  max: number;
  value: number;
  onChange(n: number): void;
}) {
  const clamp = (text: string) => Math.min(props.max, Math.max(1, Math.floor(Number(text) || 1)));
  return (
    <label>
      {props.label}
      <input
        type="number"
        aria-label={props.aria}
        min={1}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(clamp(e.target.value))}
      />
    </label>
  );
}

function OrderFields({ onClose }: { onClose(): void }) {
  const actions = useActions();
  const choices = useChoices();
  const [customerId, setCustomer] = useState(choices.customers[0] ?? 'alice');
  const [sku, setSku] = useState(choices.skus[0] ?? 'SKU-BOOK');
  const [qty, setQty] = useState(1);
  const [region, setRegion] = useState('EU');
  const [count, setCount] = useState(1);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    for (let i = 0; i < count; i++) actions.placeOrder({ customerId, items: [{ sku, qty }], region });
  };
  return (
    <form
      className="order-form"
      aria-label="Place a chosen order"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label>
        customer
        <select
          ref={first}
          aria-label="order customer"
          value={customerId}
          onChange={(e) => setCustomer(e.target.value)}
        >
          {choices.customers.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      <label>
        SKU
        <select aria-label="order SKU" value={sku} onChange={(e) => setSku(e.target.value)}>
          {choices.skus.map((s) => (
            <option key={s} value={s}>
              {s} ({money(PRICES[s])})
            </option>
          ))}
        </select>
      </label>
      <CountField label="qty" aria="order qty" max={99} value={qty} onChange={setQty} />
      <label>
        region
        <select aria-label="order region" value={region} onChange={(e) => setRegion(e.target.value)}>
          {choices.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id}
              {r.served ? '' : ' (not served)'}
            </option>
          ))}
        </select>
      </label>
      <CountField label="orders" aria="how many orders" max={500} value={count} onChange={setCount} />
      <div className="order-form-actions">
        <span className="muted">
          total {money((PRICES[sku] ?? 0) * qty)}
          {count > 1 ? ' each' : ''}
        </span>
        <button type="submit" className="btn btn-primary">
          Place {count === 1 ? 'order' : `${count} orders`}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

export function OrderForm() {
  return (
    <Popover
      label="Order… ▾"
      className="btn btn-primary"
      title="Place one order with the customer, SKU, quantity and region you choose"
    >
      {(close) => <OrderFields onClose={close} />}
    </Popover>
  );
}

// Row shapes of every table a service or the broker keeps. Pure types: the
// canvas, the invariant checker and the services all read rows of these shapes.

export { SERVICE_NAMES, type ServiceName } from './vocabulary';

export type OrderStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED';

export interface OrderItem {
  sku: string;
  qty: number;
}

export interface OrderRow {
  id: string;
  customerId: string;
  /** Where it ships to: the shipping service may not serve every region. */
  region: string;
  total: number;
  items: OrderItem[];
  status: OrderStatus;
  created_at: number;
}

export interface PaymentRow {
  id: string;
  orderId: string;
  customerId: string;
  amount: number;
  status: 'CHARGED' | 'REFUNDED';
  /** `payment-<orderId>`: a redelivered charge with the same key is not charged again. */
  idempotencyKey: string;
  created_at: number;
}

export interface StockRow {
  sku: string;
  available: number;
  reserved: number;
}

export interface ReservationRow {
  id: string;
  orderId: string;
  items: OrderItem[];
  status: 'RESERVED' | 'RELEASED';
  created_at: number;
}

export interface CustomerRow {
  id: string;
  /** What the customer can still spend: charges take from it, refunds give back. */
  credit: number;
  cardDeclined: boolean;
}

export interface RegionRow {
  id: string;
  served: boolean;
}

/** Knobs a service reads from its own data: failures happen because the data says so. */
export interface SettingRow {
  key: string;
  /** The first N attempts of each operation fail with a transient error (the broker or saga retries). */
  failFirstAttempts?: number;
  /** While true, every operation fails with a transient error. */
  offline?: boolean;
  /** While true, undoing (release, refund) fails with a transient error: a compensation that keeps failing. */
  compensationFails?: boolean;
}

export interface SagaRow {
  id: string;
  orderId: string;
  status: 'RUNNING' | 'COMPENSATING' | 'COMPLETED' | 'COMPENSATED' | 'STUCK';
  /** The machine's state value, e.g. `running.awaiting`. */
  state: string;
  step: string | null;
  completed: string[];
  compensated: string[];
  skipped: string[];
  pending: string[];
  failure: string | null;
  stuckReason: string | null;
  /** Simulation time at which the saga's timer fires; absent when none is set (so it is not indexed). */
  timer_due?: number;
  history: { at: number; step: string | null; kind: string; detail: string }[];
  /** XState's persisted snapshot: restoring it continues the saga exactly where it was. */
  snapshot: unknown;
  created_at: number;
  updated_at: number;
}

export interface ShipmentRow {
  id: string;
  orderId: string;
  status: 'SCHEDULED' | 'CANCELLED';
  created_at: number;
}

/** Debezium outbox-router columns, plus when the row was written and published. */
export interface OutboxRow {
  /** Local insertion order; the relay publishes in this order. */
  seq?: number;
  /** Globally unique: becomes the CloudEvent id, so consumers can deduplicate a republish. */
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  payload: unknown;
  correlationid: string;
  causationid: string;
  created_at: number;
  /**
   * Never written (rows are not updated after their insert): derived on the way out, from the polling relay's
   * watermark (outboxWatermark.ts). Null while pending, and always for a log-tailing relay's rows.
   */
  published_at: number | null;
}

export interface InboxRow {
  message_id: string;
  processed_at: number;
  result: string;
  type: string;
}

export interface MetaRow {
  key: string;
  value: number;
}

export type Row = Record<string, unknown>;
export type TableDump = Record<string, Row[]>;

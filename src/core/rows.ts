// Row shapes of every table a service or the broker keeps. Pure types: the
// canvas, the invariant checker and the services all read rows of these shapes.

export type ServiceName = 'order' | 'payment' | 'inventory' | 'shipping';
export const SERVICE_NAMES: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

export type OrderStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED';

export interface OrderItem {
  sku: string;
  qty: number;
}

export interface OrderRow {
  id: string;
  customerId: string;
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

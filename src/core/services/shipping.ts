// The shipping service: schedules a delivery for every reserved order.

import type { ServiceDefinition } from '../service/definition';
import type { ShipmentRow } from '../rows';

export const shippingService: ServiceDefinition = {
  name: 'shipping',
  aggregateType: 'Shipping',
  tables: { shipments: 'id, orderId' },
  consumes: ['inventory-events'],
  handlers: {
    async InventoryReserved(ctx, event) {
      const shipments = ctx.table<ShipmentRow>('shipments');
      const shipment: ShipmentRow = { id: ctx.newId('shp'), orderId: event.subject, status: 'SCHEDULED', created_at: ctx.now };
      await shipments.add(shipment);
      ctx.emit('ShipmentScheduled', event.subject, { orderId: event.subject, shipmentId: shipment.id });
      return `scheduled as ${shipment.id}`;
    },
  },
};

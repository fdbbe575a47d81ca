// Dual write's second half: after the commit, the events go straight to the
// broker. If the broker does not confirm, the event is simply gone: nothing
// will send it again (the "before" approach the outbox fixes).

import type { BrokerPort } from '../broker/brokerPort';
import type { CrashSwitch } from '../crash';
import type { OutboxRow } from '../rows';
import type { Fact } from '../telemetry';
import type { ServiceConfig, ServiceDefinition } from './definition';
import { toMessage } from './relay';

export interface DirectPublishDeps {
  service: ServiceDefinition['name'];
  broker: BrokerPort;
  crash: CrashSwitch;
  config: () => ServiceConfig;
  emit: (fact: Fact) => void;
}

export async function publishDirect(deps: DirectPublishDeps, rows: OutboxRow[]): Promise<void> {
  const { service, broker, crash, config, emit } = deps;
  crash.assertAlive();
  try {
    await broker.publish(rows.map((row) => toMessage(service, row, config().relay.mode)));
    emit({
      kind: 'published',
      service,
      count: rows.length,
      topics: [...new Set(rows.map((r) => r.aggregatetype))],
    });
  } catch (error) {
    emit({ kind: 'publish-lost', service, types: rows.map((r) => r.type), error: String(error) });
  }
}

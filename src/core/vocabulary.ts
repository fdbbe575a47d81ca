// The playground's literal vocabularies — the names of the shop's services
// and processes, the paces, saga styles and relay modes — in one leaf module
// that imports nothing, so the modules that use them (rows, telemetry, the
// service settings, the scenario) never import each other for a name.

export type ServiceName = 'order' | 'payment' | 'inventory' | 'shipping' | 'orchestrator';
export const SERVICE_NAMES: ServiceName[] = ['order', 'payment', 'inventory', 'shipping', 'orchestrator'];

/** A shop run's processes: its services and the broker. */
export type ProcessName = ServiceName | 'broker';

/** "teaching" slows the flow down so people can see rows wait; "fast" is what tests and load runs use. */
export const PACE_NAMES = ['teaching', 'fast'] as const;
export type PaceName = (typeof PACE_NAMES)[number];

export const SAGA_STYLES = ['choreography', 'orchestration'] as const;
export type SagaStyle = (typeof SAGA_STYLES)[number];

export const RELAY_MODES = ['polling', 'log-tailing'] as const;
export type RelayMode = (typeof RELAY_MODES)[number];

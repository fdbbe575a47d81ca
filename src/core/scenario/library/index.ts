// The scenario library, in the order the seed text walks through its ideas.
// Later patterns append their list here; nothing else changes.

import { CDC_SCENARIOS } from './cdc';
import { COMBINED_SHOP_SCENARIOS } from './combinations';
import { COMBINED_CDC_SCENARIOS, COMBINED_ES_SCENARIOS } from './eventStoreCombinations';
import { EVENT_SOURCING_SCENARIOS } from './eventSourcing';
import { MESSAGING_SCENARIOS } from './messaging';
import { INBOX_SCENARIOS } from './inbox';
import { SAGA_SCENARIOS } from './sagas';
import { SAGA_GUARD_SCENARIOS } from './sagaGuards';
import { RELAY_SCENARIOS } from './relays';
import type { LibraryEntry } from './types';

export type {
  ActionsByTopology,
  Beat,
  CdcAction,
  EsAction,
  LibraryEntry,
  NarrativeAction,
  NarrativeStep,
  ShopAction,
} from './types';
export { isActionOf, wrongTopologyText } from './actionTopology';

/** Each entry's link names the entry, so whoever opens it gets its narrative too. */
export const LIBRARY: LibraryEntry[] = [
  ...MESSAGING_SCENARIOS,
  ...INBOX_SCENARIOS,
  ...SAGA_SCENARIOS,
  ...SAGA_GUARD_SCENARIOS,
  ...EVENT_SOURCING_SCENARIOS,
  ...COMBINED_ES_SCENARIOS,
  ...CDC_SCENARIOS,
  ...COMBINED_CDC_SCENARIOS,
  ...RELAY_SCENARIOS,
  ...COMBINED_SHOP_SCENARIOS,
].map((entry) => ({ ...entry, scenario: { ...entry.scenario, guide: entry.id } }));

export function libraryEntry(id: string): LibraryEntry | undefined {
  return LIBRARY.find((e) => e.id === id);
}

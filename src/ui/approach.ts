// Which approach a run demonstrates: the patterns (outbox + saga) or one of the
// "before" approaches they replace. Pure: read once from the controller, then
// passed to the derivations that show each approach truthfully.

import type { SagaStyle, ServiceConfig } from '../core/service/definition';
import type { RelayMode } from '../core/scenario/scenario';
import type { Controller } from '../runtime/controller';

export type Ordering = Controller['ordering'];
export type Publishing = ServiceConfig['publishing'];

export interface Approach {
  ordering: Ordering;
  publishing: Publishing;
  sagaStyle: SagaStyle;
  /** How outboxes are relayed; polling when not said. */
  relay?: RelayMode;
  /** The guards a run may switch off; all on when not said. */
  guards?: Pick<ServiceConfig, 'inbox' | 'idempotencyKeys' | 'semanticLocks'>;
}

export const DEFAULT_APPROACH: Approach = {
  ordering: 'messaging',
  publishing: 'outbox',
  sagaStyle: 'choreography',
};

export function approachOf(controller: Pick<Controller, 'ordering' | 'config'>): Approach {
  return {
    ordering: controller.ordering,
    publishing: controller.config.publishing,
    sagaStyle: controller.config.sagaStyle,
    relay: controller.config.relay.mode,
    guards: {
      inbox: controller.config.inbox,
      idempotencyKeys: controller.config.idempotencyKeys,
      semanticLocks: controller.config.semanticLocks,
    },
  };
}

/** The four choices of the Setup tab's picker; each is a URL setting of publishing and ordering. */
export type ApproachChoice = 'outbox' | 'dual-write' | 'direct-calls' | 'two-phase-commit';

export function choiceOf(approach: Pick<Approach, 'ordering' | 'publishing'>): ApproachChoice {
  if (approach.ordering !== 'messaging') return approach.ordering;
  return approach.publishing === 'dual-write' ? 'dual-write' : 'outbox';
}

/** Only messaging runs have events: direct calls and two-phase commit call services over the wire. */
export const hasEvents = (approach: Pick<Approach, 'ordering'>) => approach.ordering === 'messaging';

/** The toolbar's subtitle: `lead` in plain text, `main` in bold, so a screenshot says which run it shows. */
export function approachTitle(approach: Approach): { lead: string | null; main: string } {
  if (approach.ordering === 'direct-calls') return { lead: null, main: 'direct calls' };
  if (approach.ordering === 'two-phase-commit') return { lead: null, main: 'two-phase commit' };
  const style = approach.sagaStyle === 'orchestration' ? 'orchestrated' : 'choreographed';
  const relay = approach.relay === 'log-tailing' ? ' · log-tailing relay' : '';
  // Whatever guard is off says so, so a screenshot of a broken run cannot pass for the patterns.
  const { inbox = true, idempotencyKeys = true, semanticLocks = true } = approach.guards ?? {};
  const off = [!idempotencyKeys && 'no idempotency key', !semanticLocks && 'no semantic lock']
    .filter(Boolean)
    .join(' · ');
  const publishing = approach.publishing === 'dual-write' ? 'no outbox (dual write)' : `outbox${relay}`;
  const lead = `${publishing} · ${inbox ? 'inbox' : 'inbox off'}${off ? ` · ${off}` : ''}`;
  return { lead, main: `${style} saga` };
}

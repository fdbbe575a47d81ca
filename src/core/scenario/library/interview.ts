// Interview mode's data: the seed's six interview questions (L4–L6), each
// answered in our own words and split into claims, every claim pointing at the
// run that makes it visible, and one follow-up question with its own run. Pure
// data; interview.test.ts checks every demo against the library.

import type { Demo } from './demos';

export interface Claim {
  text: string;
  demo: Demo;
}

export interface InterviewQuestion {
  id: string;
  level: 'L4' | 'L5' | 'L6';
  question: string;
  /** The short answer, two or three sentences. */
  answer: string;
  claims: Claim[];
  followUp: { question: string; answer: string; demo: Demo };
}

/** Shipping refuses EU orders: the same three orders, compensated by each saga style. */
const regionBothWays: Demo = {
  kind: 'compare',
  a: 'choreography-region-failure',
  b: 'orchestration-compensation',
  promises: [[], []],
};

export const INTERVIEW: InterviewQuestion[] = [
  {
    id: 'outbox',
    level: 'L4',
    question: 'What is the transactional outbox?',
    answer:
      'Saving a change and telling other services about it are two writes to two systems, and nothing makes them one. The outbox turns the message into a row of the same local transaction as the change; a relay publishes those rows afterwards and marks them sent. Either both survive or neither does — at the price of a message that may go out twice.',
    claims: [
      {
        text: 'Save, then publish: a crash between the two keeps the order and loses its event, and that order never moves on.',
        demo: { kind: 'entry', entry: 'dual-write', promises: ['no-event-lost', 'no-order-stuck'] },
      },
      {
        text: 'With an outbox the same crash leaves the order and its event row committed together; after the restart the relay publishes the row and every order completes.',
        demo: { kind: 'entry', entry: 'outbox', promises: [] },
      },
      {
        text: 'The relay can poll the table or follow the database’s change log, as Debezium does: either way the committed row, not the broker, is the record of what must be sent, and a relay that dies sends it again.',
        demo: { kind: 'entry', entry: 'relay-log-tailing', promises: [] },
      },
    ],
    followUp: {
      question: 'What if the relay dies after publishing but before marking the row?',
      answer:
        'It publishes the row again when it comes back: an outbox delivers at least once, not exactly once. The consumer’s inbox recognises the repeat and skips it.',
      demo: { kind: 'entry', entry: 'inbox-duplicates', promises: [] },
    },
  },
  {
    id: 'saga',
    level: 'L4',
    question: 'What is a saga?',
    answer:
      'A business transaction that spans several services, cut into one local transaction per service. Each step commits on its own and announces itself with a message; no lock is held across services. When a later step fails, the steps already done are undone by compensating actions — refund, release, cancel — instead of a rollback. Events can drive it (choreography) or one orchestrator can (orchestration).',
    claims: [
      {
        text: 'The problem it solves: calling three services in turn has no transaction around it, so a crash half-way leaves money taken and nothing reserved.',
        demo: { kind: 'entry', entry: 'direct-calls', promises: ['no-order-stuck'] },
      },
      {
        text: 'Each step is a local transaction whose event starts the next one: OrderCreated → PaymentCompleted → InventoryReserved → ShipmentScheduled.',
        demo: { kind: 'entry', entry: 'choreography-happy', promises: [] },
      },
      {
        text: 'When a step fails, the done steps are compensated, newest first, and nothing of the cancelled order remains.',
        demo: { kind: 'entry', entry: 'orchestration-compensation', promises: [] },
      },
      {
        text: 'Two-phase commit would make it atomic, but the participants that voted yes hold their locks while the coordinator is gone, and everyone who needs those rows waits.',
        demo: { kind: 'entry', entry: 'two-phase-commit', promises: [] },
      },
      {
        text: 'The same two orders as a saga: each service commits its own step and publishes, so nobody prepares, holds a lock or waits for a coordinator.',
        demo: { kind: 'entry', entry: 'saga-instead-of-2pc', promises: [] },
      },
    ],
    followUp: {
      question: 'Who undoes the work when no one is in charge?',
      answer:
        'Every service that acted listens for the failure event and undoes its own part. The compensation is spread over the services, just like the forward flow.',
      demo: { kind: 'entry', entry: 'choreography-region-failure', promises: [] },
    },
  },
  {
    id: 'exactly-once',
    level: 'L5',
    question: 'How would you get exactly-once processing in an event-driven system?',
    answer:
      'You cannot get exactly-once delivery: a sender that is unsure a message arrived has to send it again. What you can make happen once is the effect. The outbox gets every message out at least once. The consumer’s inbox remembers each message id in the same transaction as the handler’s writes and skips a repeat. An idempotency key on a side effect refuses a second charge even where no inbox is.',
    claims: [
      {
        text: 'A duplicate is delivered: the relay dies between publish and mark and sends again, the broker hands one event over twice — and without an inbox an order ships twice.',
        demo: { kind: 'entry', entry: 'no-inbox', promises: ['no-duplicate-side-effect'] },
      },
      {
        text: 'The inbox skips it: the same duplicates with the inbox on are counted as skipped, and every order ships once.',
        demo: { kind: 'entry', entry: 'inbox-duplicates', promises: [] },
      },
      {
        text: 'The idempotency key refuses a second charge: side by side, a redelivered OrderCreated charges twice without the key, once with it — though with no inbox the services downstream still act twice.',
        demo: {
          kind: 'compare',
          a: 'saga-no-idempotency',
          b: 'saga-idempotency-key',
          promises: [['no-double-charge', 'no-duplicate-side-effect'], ['no-duplicate-side-effect']],
        },
      },
      {
        text: 'The outbox commits with the handler: its writes, its inbox record and its outgoing message are one transaction, so a consumer that dies after committing and before acknowledging is handed the message again and skips it.',
        demo: { kind: 'entry', entry: 'combining-patterns', promises: [] },
      },
    ],
    followUp: {
      question: 'What if the producer repeats itself — a connector that dies before saving its position?',
      answer:
        'It sends the same changes again on restart. Each document of the read model remembers the log position it reflects and skips a change it has already applied, so the read model still ends equal to the table.',
      demo: { kind: 'entry', entry: 'cdc-connector-crash', promises: [] },
    },
  },
  {
    id: 'choreography-vs-orchestration',
    level: 'L5',
    question: 'When would you choose choreography and when orchestration for a saga?',
    answer:
      'Both run the same saga; they differ in where the flow is written down. In choreography each service reacts to the previous one’s event: services know only events and stay loosely coupled, but the flow lives nowhere in one piece. In orchestration one service sends each command and waits for the reply: the flow and each saga’s state sit in one table you can read, at the price of a service that knows every participant. Choreography suits a short, stable flow; orchestration a long one that changes or must be watched.',
    claims: [
      {
        text: 'The same orders both ways: shipping refuses EU. In choreography each service compensates when it hears ShipmentFailed; the orchestrator sends RefundPayment, ReleaseInventory and CancelOrder itself, newest first. Both end clean.',
        demo: regionBothWays,
      },
      {
        text: 'Visibility: a choreographed saga has no row of its own — the Sagas tab pieces each chain together from every service’s data — while the orchestrator keeps each saga’s state and history in its saga table.',
        demo: { kind: 'entry', entry: 'choreography-happy', promises: [] },
      },
      {
        text: 'Coupling: the orchestrator decides the order of steps — it reserves before it charges, so an out-of-stock order has nothing to refund. In choreography the order follows who subscribes to what: payment charges first and must refund.',
        demo: {
          kind: 'compare',
          a: 'choreography-failure',
          b: 'orchestration-out-of-stock',
          promises: [[], []],
        },
      },
    ],
    followUp: {
      question: 'Doesn’t the orchestrator become a single point of failure?',
      answer:
        'It is one more service that can die, so its saga state is durable and its inbox deduplicates replies. Killed after committing a reply and before acknowledging it, it comes back, is handed the reply again, skips it and carries on.',
      demo: { kind: 'entry', entry: 'combining-patterns', promises: [] },
    },
  },
  {
    id: 'event-sourced-bank',
    level: 'L6',
    question: 'Design an event-sourced system for a bank.',
    answer:
      'Keep what happened to each account — opened, deposited, withdrawn, debited and credited by a transfer — as events appended to the account’s stream; a balance is the fold of its stream. A transfer touches two streams, so it is a small saga over events: debit, credit, complete. Balances and statements are read models projected from the events, rebuildable at will, and snapshots keep a long account quick to load.',
    claims: [
      {
        text: 'A transfer is debit, credit and completion as events: a bank that dies after the debit finds the unfinished transfer in its events on restart and credits the payee.',
        demo: { kind: 'entry', entry: 'es-bank', promises: [] },
      },
      {
        text: 'Without snapshots every load reads the whole stream — the same answer, only slower with every event.',
        demo: { kind: 'entry', entry: 'es-no-snapshots', promises: [] },
      },
      {
        text: 'Balances are a read model that lags the writes: read straight after a write and you may not find it, unless the page allows for that.',
        demo: { kind: 'entry', entry: 'cqrs-read-your-writes', promises: [] },
      },
      {
        text: 'Read models are derived data: a projection that dies mid-batch resumes from its checkpoint, and any read model can be rebuilt from the events.',
        demo: { kind: 'entry', entry: 'es-rebuild-read-model', promises: [] },
      },
    ],
    followUp: {
      question: 'An auditor asks what the state was before a given change. How do you answer?',
      answer:
        'Fold the stream only up to that version. Nothing was overwritten, so every past state can be computed again; a snapshot only saves folding from the start.',
      demo: { kind: 'entry', entry: 'es-snapshots', promises: [] },
    },
  },
  {
    id: 'saga-failures',
    level: 'L6',
    question: 'How do you handle failures in a saga that spans several services?',
    answer:
      'Give every forward step an undo, then tell the kinds of failure apart. A refusal is final: compensate what was done, newest first. A timeout is not a refusal — the step may have happened — so retry a few times, then compensate it as if it had, and let the participant remember that compensation so a late command is refused. Every message may repeat, so every step and every compensation must be idempotent.',
    claims: [
      {
        text: 'A refusal after earlier steps acted: the orchestrator compensates them newest first.',
        demo: { kind: 'entry', entry: 'orchestration-compensation', promises: [] },
      },
      {
        text: 'A timeout: retried, then compensated as maybe-done; when the held-back command finally arrives, the semantic lock refuses it. Without the lock the cancelled order is charged and nothing undoes it.',
        demo: {
          kind: 'compare',
          a: 'saga-timeout-unknown',
          b: 'saga-no-semantic-lock',
          promises: [[], ['saga-fully-compensated']],
        },
      },
      {
        text: 'Steps must be idempotent: without an inbox or a key, a redelivered message charges the customer twice.',
        demo: {
          kind: 'entry',
          entry: 'saga-no-idempotency',
          promises: ['no-double-charge', 'no-duplicate-side-effect'],
        },
      },
      {
        text: 'Crashes, a duplicate and a broker outage at once: outbox, inbox and durable saga state finish every saga exactly once.',
        demo: { kind: 'entry', entry: 'combining-patterns', promises: [] },
      },
    ],
    followUp: {
      question: 'What if the compensation fails?',
      answer:
        'A compensation is retried with backoff, since undoing twice is harmless. One that keeps failing is not hidden: the saga stops as STUCK with its reason, its order still pending, for an operator to retry or settle by hand — and the checker reports the saga that never ended.',
      demo: {
        kind: 'variant',
        entry: 'orchestration-compensation',
        what: 'the warehouse cannot undo a reservation',
        data: [
          { service: 'inventory', table: 'settings', row: { key: 'warehouse', compensationFails: true } },
        ],
        promises: ['no-order-stuck', 'saga-terminal'],
      },
    },
  },
];

/** A question's demonstrations in the order the page shows them: each claim's, then the follow-up's. */
export function questionDemos(question: InterviewQuestion): Demo[] {
  return [...question.claims.map((c) => c.demo), question.followUp.demo];
}

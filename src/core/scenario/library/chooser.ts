// The pattern chooser: five questions about a system, and for each of the six
// patterns either "use it", with the library scenario that shows why, or
// "skip it", with the reason it would be overkill here — the seed's selection
// guide and its "when not to use". Pure: answers in, advice out.

export type PatternName = 'outbox' | 'inbox' | 'saga' | 'event-sourcing' | 'cqrs' | 'cdc';

export interface SystemAnswers {
  /** Where the system's data lives. */
  databases: 'one' | 'several';
  /** Other services or systems must hear about its changes. */
  publishes: boolean;
  /** One business action must change data owned by several services. */
  spansServices: boolean;
  /** It needs an audit trail, or to replay how it got where it is. */
  history: boolean;
  /** A legacy system it cannot change must feed the others. */
  legacy: boolean;
  /** Reads and writes have different needs (search, dashboards, very different load). */
  readsDiffer: boolean;
}

export const NO_ANSWERS: SystemAnswers = {
  databases: 'one',
  publishes: false,
  spansServices: false,
  history: false,
  legacy: false,
  readsDiffer: false,
};

/** The chooser's yes/no questions, in the order the page asks them (the databases question comes first, as a radio group). */
export const YES_NO_QUESTIONS: { key: Exclude<keyof SystemAnswers, 'databases'>; text: string }[] = [
  { key: 'publishes', text: 'Other services or systems must hear about its changes' },
  { key: 'spansServices', text: 'One business action must change data in several services' },
  { key: 'history', text: 'It needs an audit trail, or to replay the past' },
  { key: 'legacy', text: 'A legacy system you cannot change must feed the others' },
  { key: 'readsDiffer', text: 'Reads and writes have different needs (search, dashboards, scale)' },
];

export interface Advice {
  pattern: PatternName;
  use: boolean;
  why: string;
  /** The library scenario that shows it: why it is needed, or what it costs. */
  entry?: string;
}

export const PATTERN_NAMES: Record<PatternName, string> = {
  outbox: 'Transactional outbox',
  inbox: 'Inbox',
  saga: 'Saga',
  'event-sourcing': 'Event sourcing',
  cqrs: 'CQRS',
  cdc: 'Change data capture',
};

type Rule = (a: SystemAnswers) => Omit<Advice, 'pattern'>;

/** One rule per pattern: whether these answers call for it, and why (or why not). */
const RULES: Record<PatternName, Rule> = {
  outbox: (a) =>
    a.databases === 'several' || a.publishes
      ? {
          use: true,
          why: 'A change and the message about it must not part: write the message in the same transaction and let a relay publish it.',
          entry: 'outbox',
        }
      : {
          use: false,
          why: 'No message leaves your database, so its own transaction already keeps each change whole.',
        },
  inbox: (a) =>
    a.databases === 'several' || a.legacy
      ? {
          use: true,
          why: 'Messages between your services arrive at least once: each consumer must skip a repeat or do its work twice.',
          entry: 'inbox-duplicates',
        }
      : {
          use: false,
          why: 'None of your services consumes another’s messages, so there is no repeat to skip.',
        },
  saga: (a) => {
    if (a.databases === 'one')
      return {
        use: false,
        why: 'One database: a local transaction covers the whole business action. A saga would only add compensations you do not need.',
      };
    if (!a.spansServices)
      return {
        use: false,
        why: 'Each business action stays inside one service, so nothing spans databases and no saga is needed.',
      };
    return {
      use: true,
      why: 'No transaction spans your databases: run the action as local steps with an undo for each — not as two-phase commit, which blocks when its coordinator dies.',
      entry: 'orchestration-compensation',
    };
  },
  'event-sourcing': (a) =>
    a.history
      ? {
          use: true,
          why: 'Keep the events, not just the latest state: the history is the audit trail, and any past state can be folded again.',
          entry: 'es-bank',
        }
      : {
          use: false,
          why: 'No history or replay needed: a table of current state is simpler. Event sourcing costs snapshots, projections and event versioning.',
          entry: 'es-no-snapshots',
        },
  cqrs: (a) =>
    a.readsDiffer
      ? {
          use: true,
          why: 'Give reads their own model, shaped for the query and fed by the writes — and handle a read that arrives before its write has.',
          entry: a.history ? 'es-rebuild-read-model' : 'cqrs-read-your-writes',
        }
      : {
          use: false,
          why: 'Simple reads and writes: one model is fine. A separate read model lags behind every write.',
          entry: 'cqrs-read-your-writes',
        },
  cdc: (a) =>
    a.legacy
      ? {
          use: true,
          why: 'You cannot change the legacy code, so capture its table’s changes from the database and publish them as events.',
          entry: 'cdc-legacy-search',
        }
      : {
          use: false,
          why: 'You can change the code that writes: publish events through an outbox rather than rebuilding them from table changes.',
        },
};

/** Every pattern's advice for these answers: the ones to use first, in the guide's order within each group. */
export function recommend(answers: SystemAnswers): Advice[] {
  const advice = (Object.keys(RULES) as PatternName[]).map((pattern) => ({
    pattern,
    ...RULES[pattern](answers),
  }));
  return [...advice.filter((a) => a.use), ...advice.filter((a) => !a.use)];
}

/** Where the advice to use several patterns together has a scenario that runs them together. */
export function combination(advice: Advice[]): { text: string; entry: string } | null {
  const used = new Set(advice.filter((a) => a.use).map((a) => a.pattern));
  if (used.has('saga') && used.has('outbox') && used.has('inbox'))
    return {
      text: 'Outbox, saga and inbox cover each other’s gaps: crashes, a duplicate and an outage at once.',
      entry: 'combining-patterns',
    };
  return null;
}

// What any run offers to look back: its recorded facts, the whole system as of
// a past moment, and one item with its causal chain. The one conductor
// implements it for every topology (src/runtime/run/RunRecorder.ts); the UI's
// timeline, inspector, sequence view and charts read only this.

import type { Inspection } from '../core/history/historySpec';
import type { HistoryStats, Moment, RecordedFact } from './run/runHistory';

export type { HistoryStats, Moment, RecordedFact } from './run/runHistory';
export type { Inspection, CausalLink } from '../core/history/historySpec';

export interface RunHistoryReads {
  /** The whole run as of `moment` (a step, or `{ time }`), folded from the recorded facts: snapshot()'s shape. */
  at(moment: Moment): Promise<unknown>;
  /** Every recorded fact still kept, in order, with its simulation time and (deterministic) step. */
  recordedFacts(): Promise<RecordedFact[]>;
  /** One row, record, saga, event or change with its causal chain, as of now (or `moment`). */
  inspect(kind: string, id: string, moment?: Moment): Promise<Inspection>;
  /** What the history holds and how much it has forgotten under its cap. */
  historyStats(): HistoryStats;
}

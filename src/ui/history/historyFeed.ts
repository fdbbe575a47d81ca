// The recorded facts as the history views see them: read from the run while
// any view is open, again after each answer (a short pause between), so a
// live run's timeline grows while it plays. One read loop for every view of
// the page; the reads wait until the facts in flight have arrived.

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { HistoryStats, RecordedFact, RunHistoryReads } from '../../runtime/historyReads';
import { errorText } from '../store/connect';

export interface HistoryFeedState {
  facts: readonly RecordedFact[];
  /** How many facts the history had forgotten under its cap when `facts` was read. */
  forgotten: number;
  /** The history's cap and what it holds, as of the same read (null before the first). */
  stats: HistoryStats | null;
  /**
   * Null while the page's past canvas can draw every kept moment whole; else the time from which it can: the
   * history forgot facts before the page's replay read them (set by the page's replay, usePastState).
   */
  pastWholeFrom: number | null;
  /** Rows the page's past canvas let go of to stay within its budget (set by the page's replay, usePastState). */
  pastRowsLetGo: number;
  /** Why the last read failed, if it did (shown by the views; the next read tries again). */
  error: string | null;
}

const PAUSE_MS = 400;

export const historyFeed = createStore<HistoryFeedState>()(() => ({
  facts: [],
  forgotten: 0,
  stats: null,
  pastWholeFrom: null,
  pastRowsLetGo: 0,
  error: null,
}));

let readers = 0;
let loop: { stop: () => void } | null = null;

function startLoop(reads: RunHistoryReads): { stop: () => void } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = async () => {
    if (stopped) return;
    try {
      const facts = await reads.recordedFacts();
      // Read together with the facts (no await between): the count forgotten describes this very list.
      const stats = reads.historyStats();
      const before = historyFeed.getState();
      const same =
        facts.length === before.facts.length &&
        facts.at(-1)?.seq === before.facts.at(-1)?.seq &&
        stats.forgotten === before.forgotten;
      if (!stopped && !same) historyFeed.setState({ facts, forgotten: stats.forgotten, stats, error: null });
    } catch (error) {
      if (!stopped) historyFeed.setState({ error: errorText(error) });
    }
    if (!stopped) timer = setTimeout(() => void next(), PAUSE_MS);
  };
  void next();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Keeps the feed reading while anyone follows it: the first follower starts the read loop, the last one to stop
 * ends it, so a page that shows no history (an embed, presenter mode) reads nothing. Returns the stop.
 */
export function followHistory(reads: RunHistoryReads): () => void {
  readers++;
  loop ??= startLoop(reads);
  let following = true;
  return () => {
    // Stopping twice must not end another follower's reads.
    if (!following) return;
    following = false;
    readers--;
    if (readers === 0) {
      loop?.stop();
      loop = null;
    }
  };
}

/** The recorded facts, kept fresh while the calling view is mounted. */
export function useRecordedFacts(reads: RunHistoryReads): HistoryFeedState {
  useEffect(() => followHistory(reads), [reads]);
  return useStore(historyFeed);
}

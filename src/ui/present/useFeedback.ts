// The presenter's latest message, shown for a few seconds: long enough to
// read from the back of a room, short enough not to describe a stale state.

import { useCallback, useEffect, useState } from 'react';
import type { Feedback } from './presenterCommands';

export function useFeedback(showMs = 4000): [Feedback | null, (feedback: Feedback) => void] {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  useEffect(() => {
    if (!feedback) return;
    const id = setTimeout(() => setFeedback(null), showMs);
    return () => clearTimeout(id);
  }, [feedback, showMs]);
  // A fresh object each time, so saying the same words twice shows them again for the full time.
  const say = useCallback((next: Feedback) => setFeedback({ ...next }), []);
  return [feedback, say];
}

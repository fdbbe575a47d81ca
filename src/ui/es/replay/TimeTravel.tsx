// "State as of time T": the same replay, addressed by time — a stream was at
// the version of its last event at or before T.

import { useState, type FormEvent } from 'react';
import type { StoredEvent } from '../../../core/eventsourcing/eventStore';
import { clockTime } from '../../format';
import { timeOnDayOf, versionAtTime } from '../replayMath';

interface Props {
  events: readonly StoredEvent[];
  version: number;
  onChange(version: number): void;
}

export function TimeTravel({ events, version, onChange }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!events.length) return null;
  const shown = version > 0 ? events[version - 1]?.at : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = timeOnDayOf(events[0].at, text);
    if (t === null) return setProblem('Write a time as HH:MM:SS, e.g. ' + clockTime(events[0].at));
    setProblem(null);
    onChange(versionAtTime(events, t));
  };
  return (
    <form className="replay-time" onSubmit={submit}>
      <label htmlFor="replay-time">State as of time</label>
      <input
        id="replay-time"
        value={text}
        placeholder={clockTime(shown ?? events[0].at)}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="replay-time-now"
      />
      <button type="submit" className="btn btn-small">
        Go
      </button>
      <span id="replay-time-now" className="muted">
        {shown !== undefined ? `v${version} was written at ${clockTime(shown)}` : 'before the first event'}
      </span>
      {problem && (
        <span role="alert" className="replay-time-problem">
          {problem}
        </span>
      )}
    </form>
  );
}

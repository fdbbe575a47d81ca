// Simulation speed: how fast saga timeouts and retry backoffs run. The
// controller does not report its speed, so the last choice is remembered here.

import { useState } from 'react';
import { useActions } from './useActions';

const SPEEDS = [0.5, 1, 2, 5];

export function SpeedSelect() {
  const actions = useActions();
  const [speed, setSpeed] = useState(1);
  return (
    <label className="speed-select" title="Saga timeouts and retry backoffs run this many times as fast">
      <span>speed</span>
      <select
        value={speed}
        onChange={(e) => {
          const next = Number(e.target.value);
          setSpeed(next);
          actions.setSpeed(next);
        }}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}

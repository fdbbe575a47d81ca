// Simulation speed: how fast saga timeouts, retry backoffs and the teaching
// pauses run. Shows the speed the conductor reports.

import { usePlayground } from '../store/hooks';
import { useActions } from './useActions';

const SPEEDS = [0.5, 1, 2, 5];

export function SpeedSelect() {
  const actions = useActions();
  const speed = usePlayground((s) => s.timing?.speed ?? 1);
  // A script may have set a speed the menu does not offer: show it rather than pretend.
  const choices = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <label
      className="speed-select"
      title="Saga timeouts, retry backoffs and the teaching pauses run this many times as fast"
    >
      <span>speed</span>
      <select
        value={speed}
        onChange={(e) => {
          actions.setSpeed(Number(e.target.value));
        }}
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}

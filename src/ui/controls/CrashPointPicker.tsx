// Choosing a crash point and arming it: the same control on the shop's nodes
// and on the event-sourced page's processes. The picker follows a point armed
// from elsewhere (the test API, a fault plan), so it shows what is armed.

import { useState, type ReactNode } from 'react';
import { CRASH_POINTS, isCrashPoint, type CrashPoint } from '../../core/crashPoints';

interface Props {
  process: string;
  points: readonly CrashPoint[];
  armed: CrashPoint | null;
  busy: boolean;
  armLabel: string;
  onArm(point: CrashPoint): void;
  /** Buttons that go after Arm (Crash now). */
  children?: ReactNode;
  /** Wraps Arm and the other buttons in their own row with this class (narrow nodes stack them under the picker). */
  buttonsClassName?: string;
}

export function CrashPointPicker({
  process,
  points,
  armed,
  busy,
  armLabel,
  onArm,
  children,
  buttonsClassName,
}: Props) {
  const [point, setPoint] = useState<CrashPoint>(armed ?? points[0]);
  const [seenArmed, setSeenArmed] = useState(armed);
  if (armed !== seenArmed) {
    setSeenArmed(armed);
    if (armed) setPoint(armed);
  }
  const arm = (
    <ArmButton
      process={process}
      point={point}
      armedHere={armed === point}
      busy={busy}
      label={armLabel}
      onArm={onArm}
    />
  );
  return (
    <>
      <select
        value={point}
        title={CRASH_POINTS[point]}
        aria-label={`Crash point for ${process}`}
        className={armed ? 'armed' : undefined}
        disabled={busy}
        onChange={(e) => isCrashPoint(e.target.value) && setPoint(e.target.value)}
      >
        {points.map((name) => (
          <option key={name} value={name} title={CRASH_POINTS[name]}>
            {name}
          </option>
        ))}
      </select>
      {buttonsClassName ? (
        <div className={buttonsClassName}>
          {arm}
          {children}
        </div>
      ) : (
        <>
          {arm}
          {children}
        </>
      )}
    </>
  );
}

function ArmButton({
  process,
  point,
  armedHere,
  busy,
  label,
  onArm,
}: {
  process: string;
  point: CrashPoint;
  armedHere: boolean;
  busy: boolean;
  label: string;
  onArm(point: CrashPoint): void;
}) {
  return (
    <button
      type="button"
      className={armedHere ? 'btn btn-armed' : 'btn'}
      disabled={busy}
      aria-pressed={armedHere}
      aria-label={`Arm crash of ${process} at ${point}`}
      title={CRASH_POINTS[point]}
      onClick={() => onArm(point)}
    >
      {armedHere ? 'Armed ✓' : label}
    </button>
  );
}

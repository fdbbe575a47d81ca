// A message path between a service and the broker: a straight line with its
// label (topic, pending rows, lag, in flight) and a dot that runs along it
// whenever the workers report messages published or delivered on it.

import { BaseEdge, EdgeLabelRenderer, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo, useState, type CSSProperties } from 'react';
import type { MessageFlowEdge } from './flowTypes';

interface PulseProps {
  pulse: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/**
 * A dot that runs from source to target when `pulse` grows. Under heavy traffic it
 * finishes its run before starting the next, rather than restarting every frame.
 */
function Pulse({ pulse, from, to }: PulseProps) {
  const [started, setStarted] = useState(pulse);
  const [running, setRunning] = useState(false);
  if (pulse !== started && !running) {
    setStarted(pulse);
    setRunning(true);
  }
  if (!running) return null;
  const travel = { '--dx': `${to.x - from.x}px`, '--dy': `${to.y - from.y}px` } as CSSProperties;
  // Keyed by run: a fresh element restarts the CSS animation; a reused one would sit at its end.
  return (
    <circle
      key={started}
      cx={from.x}
      cy={from.y}
      r={7}
      className="edge-pulse"
      style={travel}
      onAnimationEnd={() => setRunning(false)}
    />
  );
}

function MessageEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  markerEnd,
}: EdgeProps<MessageFlowEdge>) {
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const at = data?.labelAt ?? 0.5;
  const x = sourceX + (targetX - sourceX) * at + (data?.labelDx ?? 0);
  const y = sourceY + (targetY - sourceY) * at;
  const tone = data?.tone ?? 'idle';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`message-edge tone-${tone}`} />
      {tone !== 'down' && !data?.still && (
        <Pulse pulse={data?.pulse ?? 0} from={{ x: sourceX, y: sourceY }} to={{ x: targetX, y: targetY }} />
      )}
      <EdgeLabelRenderer>
        <div
          className={`edge-label tone-${tone}`}
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        >
          {data?.lines.map((line, i) => (
            <div key={i} className={`edge-line${line.strong ? ' strong' : ''}${line.muted ? ' muted' : ''}`}>
              <span>{line.text}</span>
              {line.value !== undefined && <strong className="edge-value">{line.value}</strong>}
            </div>
          ))}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const MessageEdge = memo(MessageEdgeView);

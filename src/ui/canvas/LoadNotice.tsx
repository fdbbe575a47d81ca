// Says why the dots stopped: under heavy traffic the canvas shows counts,
// not every message. Nothing while the canvas draws every message.

import { usePlayground } from '../store/hooks';

export function LoadNotice({ className }: { className: string }) {
  const summarising = usePlayground((s) => s.summarising);
  if (!summarising) return null;
  return (
    <p
      className={className}
      role="status"
      data-testid="load-badge"
      title="Under heavy traffic the canvas shows counts, updated four times a second, and does not animate each message"
    >
      Heavy traffic: counts only, no message animation
    </p>
  );
}

// In a workshop's split run, a service another browser runs: in place of its
// crash controls (its life is its owner's), who runs it and whether that
// browser is heard — live, down (its heartbeat lost: the tab closed, the
// laptop away, the server gone), or nobody's at all, its orders waiting.

import type { ServiceName } from '../../core/rows';
import type { ServicePresence } from '../../core/workshop/heartbeats';
import { usePlayground } from '../store/hooks';

/** How `service` stands in this browser's workshop run; null when this is no workshop run. */
export function useSeat(service: ServiceName): ServicePresence | null {
  return usePlayground((s) => s.workshop?.services.find((p) => p.service === service) ?? null);
}

const TEXT: Record<Exclude<ServicePresence['presence'], 'here'>, (owner: string) => [string, string]> = {
  remote: (owner) => ['REMOTE', `runs in another browser (${owner}), heard live`],
  down: (owner) => ['DOWN', `its browser (${owner}) is not heard: its tab closed, or it lost the server`],
  unowned: () => ['UNOWNED', 'no browser runs it: its messages wait in JetStream'],
};

export function WorkshopSeat({ seat }: { seat: ServicePresence }) {
  if (seat.presence === 'here')
    return <div className="workshop-seat workshop-here">runs in this browser</div>;
  const [head, text] = TEXT[seat.presence](seat.owner ?? '');
  return (
    <div className={`workshop-seat workshop-${seat.presence}`} role="status">
      <strong>{head}</strong> {text}
    </div>
  );
}

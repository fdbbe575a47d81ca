// A service another browser of the workshop runs, in the shape of the Worker a
// ProcessHandle drives: its start asks the owner for a fresh read of its
// tables (a hydrate every browser hears, so a late joiner sees them whole), and
// each call goes to the owner over NATS. So the conductor reads, settles and
// places orders through a remote service exactly as through its own; only its
// life is not this browser's to end (the conductor marks it crashed when its
// owner falls silent, and starts it again when the owner is heard).

import type { FromWorker, ToWorker } from '../workerProtocol';

export interface RemoteCaller {
  call<T>(method: string, args: unknown[]): Promise<T>;
}

/** How long a start waits before asking a silent owner for its tables again. */
const HYDRATE_RETRY_MS = 1000;

export class RemoteWorker {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  private ended = false;

  constructor(private readonly owner: RemoteCaller) {}

  postMessage(message: ToWorker): void {
    if (message.type === 'start') void this.hydrate();
    else
      this.owner.call(message.method, message.args).then(
        (value) => this.tell({ type: 'rpc.result', id: message.id, ok: true, value }),
        (error: Error) => this.tell({ type: 'rpc.result', id: message.id, ok: false, error: error.message }),
      );
  }

  terminate(): void {
    this.ended = true;
  }

  /** Ready once the owner has sent its tables; an owner that cannot yet is asked again until this life ends. */
  private async hydrate(): Promise<void> {
    while (!this.ended) {
      try {
        await this.owner.call('hydrate', []);
        this.tell({ type: 'ready' });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, HYDRATE_RETRY_MS));
      }
    }
  }

  private tell(data: FromWorker): void {
    if (!this.ended) this.onmessage?.({ data });
  }
}

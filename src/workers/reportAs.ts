// The telemetry channel carries whatever a process reports: a page's worker
// emits its own report type, which that page's conductor reads back as such.

import type { WorkerKit } from './workerEntry';

export function reportAs<R>(emit: WorkerKit['emit']): (report: R) => void {
  return emit as unknown as (report: R) => void;
}

// The main area: the two event stores on the left, the query service's read
// models on the right.

import { QueryPanel } from './QueryPanel';
import { ProcessPanel } from './ProcessPanel';
import { StreamTable } from './StreamTable';
import { ErrorBoundary } from '../panels/ErrorBoundary';

export function ProcessArea() {
  return (
    <div className="es-processes">
      <div className="es-stores">
        <ErrorBoundary region="orders panel">
          <ProcessPanel process="orders" subtitle="event store" narrow>
            <StreamTable store="orders" />
          </ProcessPanel>
        </ErrorBoundary>
        <ErrorBoundary region="bank panel">
          <ProcessPanel process="bank" subtitle="event store" narrow>
            <StreamTable store="bank" />
          </ProcessPanel>
        </ErrorBoundary>
      </div>
      <ErrorBoundary region="query panel">
        <ProcessPanel process="query" subtitle="read models">
          <QueryPanel />
        </ProcessPanel>
      </ErrorBoundary>
    </div>
  );
}

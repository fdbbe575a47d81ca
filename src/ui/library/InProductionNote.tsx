// The production system the seed names for a library scenario's shape, and
// what the real one does that our run does not: under the idea in the Guide
// tab and in the Scenarios dialog.

import type { InProduction } from '../../core/scenario/library/types';

export function InProductionNote({ production, className }: { production: InProduction; className: string }) {
  return (
    <p className={className} data-testid="in-production">
      <strong>In production:</strong> {production.system}. {production.differs}
    </p>
  );
}

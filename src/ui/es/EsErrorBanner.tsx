// The event-sourced run's errors above the panels (see PageErrorBanner).

import { PageErrorBanner } from '../page/PageErrorBanner';
import { useEs } from './EsContext';

export function EsErrorBanner() {
  const errors = useEs((s) => s.errors);
  const dismiss = useEs((s) => s.dismissError);
  const pollError = useEs((s) => s.pollError);
  return <PageErrorBanner errors={errors} dismiss={dismiss} pollError={pollError} />;
}

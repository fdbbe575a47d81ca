// The CDC run's errors above the canvas (see PageErrorBanner).

import { PageErrorBanner } from '../page/PageErrorBanner';
import { useCdc } from './CdcContext';

export function CdcErrorBanner() {
  const errors = useCdc((s) => s.errors);
  const dismiss = useCdc((s) => s.dismissError);
  const pollError = useCdc((s) => s.pollError);
  return <PageErrorBanner errors={errors} dismiss={dismiss} pollError={pollError} />;
}

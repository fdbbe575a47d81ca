// Errors from the conductor (or from a failed command) as a dismissible banner
// above the canvas. The canvas stays up underneath: an error never blanks the page.
// The shop's store feeds the banner every page shares.

import { PageErrorBanner } from '../page/PageErrorBanner';
import { usePlayground } from '../store/hooks';

export function ErrorBanner() {
  const errors = usePlayground((s) => s.errors);
  const dismiss = usePlayground((s) => s.dismissError);
  return <PageErrorBanner errors={errors} dismiss={dismiss} pollError={null} />;
}

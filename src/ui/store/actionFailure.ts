// How the page reports one of its own calls that failed (a button, a field, a form): as an error event
// under the catalogue's ACTION_FAILED code, the message saying which action it was and why.

import { ERROR_CATALOGUE } from '../../core/errorCatalogue';

/** `action`: the action in the words of its button or field ("Restart connector", "Place order"). */
export function actionFailure(action: string, message: string) {
  return {
    kind: 'error' as const,
    code: ERROR_CATALOGUE.ACTION_FAILED.code,
    message: `${action}: ${message}`,
  };
}

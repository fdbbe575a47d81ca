// The errors a run reports (it cannot start, a process failed, a call was refused), thrown with their
// catalogue code in front: their codes and sentences live in core's error catalogue with every other one.

import { catalogueText, ERROR_CATALOGUE, type ErrorName } from '../core/errorCatalogue';

export { ERROR_CATALOGUE as ERRORS, type ErrorName } from '../core/errorCatalogue';

export class PlaygroundError extends Error {
  constructor(
    readonly name: ErrorName,
    detail?: string,
  ) {
    super(`${ERROR_CATALOGUE[name].code}: ${catalogueText(name)}${detail ? ` (${detail})` : ''}`);
  }
}

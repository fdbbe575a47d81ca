// Wires a Controller's event stream into a store. The subscription is the only
// path by which facts reach the UI.

import type { Controller } from '../../runtime/controller';
import type { PlaygroundStore } from './playgroundStore';

export function connectController(controller: Controller, store: PlaygroundStore): () => void {
  return controller.subscribe((events) => store.getState().ingest(events));
}

/** Call a controller method; a rejection lands in the error banner, named by `what`, instead of an unhandled rejection. */
export function guarded(store: PlaygroundStore, what: string, action: () => unknown): void {
  try {
    const result = action();
    if (result instanceof Promise)
      result.catch((err: unknown) => store.getState().reportError(what, errorText(err)));
  } catch (err) {
    store.getState().reportError(what, errorText(err));
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

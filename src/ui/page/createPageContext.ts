// Gives a page's components (CDC, event-sourced) their controller and stores
// without threading them through props (React Flow nodes get only their data).
// Each page makes its own context with this; its App provides one per page.

import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { LibraryEntry } from '../../core/scenario/library';

export interface PageContextValue<C, F, V> {
  controller: C;
  /** The run's facts: fed by the controller's events and the poller. */
  facts: StoreApi<F>;
  /** What the user is doing on the page. */
  view: StoreApi<V>;
  /** The library scenario this run tells, if its `guide` names one. */
  guide?: LibraryEntry;
}

/** `missing`: the error a component gets outside the page's provider. */
export function createPageContext<C, F, V>(missing: string) {
  const Context = createContext<PageContextValue<C, F, V> | null>(null);

  function usePageContext(): PageContextValue<C, F, V> {
    const value = useContext(Context);
    if (!value) throw new Error(missing);
    return value;
  }

  /** Select from the run's facts; the selector must return a stable reference for unchanged state. */
  function useFacts<T>(selector: (s: F) => T): T {
    return useStore(usePageContext().facts, selector);
  }

  function useView<T>(selector: (s: V) => T): T {
    return useStore(usePageContext().view, selector);
  }

  return { Context, usePageContext, useFacts, useView };
}

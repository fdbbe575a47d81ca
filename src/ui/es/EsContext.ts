// Gives the event-sourced components their controller and stores without
// threading them through props; EsApp provides one per page.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LibraryEntry } from '../../core/scenario/library';
import type { EsController } from '../../runtime/esController';
import type { EsFacts, EsFactsStore, EsView, EsViewStore } from './esStore';

export interface EsContextValue {
  controller: EsController;
  facts: EsFactsStore;
  view: EsViewStore;
  /** The library scenario this run tells, if its `guide` names one. */
  guide?: LibraryEntry;
}

export const EsContext = createContext<EsContextValue | null>(null);

export function useEsContext(): EsContextValue {
  const value = useContext(EsContext);
  if (!value) throw new Error('event-sourced components need <EsContext.Provider> (EsApp provides one)');
  return value;
}

export const useEsController = (): EsController => useEsContext().controller;

/** Select from the run's facts; the selector must return a stable reference for unchanged state. */
export function useEs<T>(selector: (s: EsFacts) => T): T {
  return useStore(useEsContext().facts, selector);
}

export function useEsView<T>(selector: (s: EsView) => T): T {
  return useStore(useEsContext().view, selector);
}

// Gives the CDC components their controller and stores without threading them
// through props (React Flow nodes get only their data); CdcApp provides one per page.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LibraryEntry } from '../../core/scenario/library';
import type { CdcController } from '../../runtime/cdcController';
import type { CdcFacts, CdcFactsStore, CdcView, CdcViewStore } from './cdcStore';

export interface CdcContextValue {
  controller: CdcController;
  facts: CdcFactsStore;
  view: CdcViewStore;
  /** The library scenario this run tells, if its `guide` names one. */
  guide?: LibraryEntry;
}

export const CdcContext = createContext<CdcContextValue | null>(null);

export function useCdcContext(): CdcContextValue {
  const value = useContext(CdcContext);
  if (!value) throw new Error('CDC components need <CdcContext.Provider> (CdcApp provides one)');
  return value;
}

/** Select from the run's facts; the selector must return a stable reference for unchanged state. */
export function useCdc<T>(selector: (s: CdcFacts) => T): T {
  return useStore(useCdcContext().facts, selector);
}

export function useCdcView<T>(selector: (s: CdcView) => T): T {
  return useStore(useCdcContext().view, selector);
}

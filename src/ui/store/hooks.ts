// React bindings: the store comes from context (the app's singleton unless a
// test or harness provides its own), and components read it through selectors.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { playgroundStore, type PlaygroundState, type PlaygroundStore } from './playgroundStore';

export const StoreContext = createContext<PlaygroundStore>(playgroundStore);

export function usePlaygroundStore(): PlaygroundStore {
  return useContext(StoreContext);
}

/** Select from the store; the selector must return a stable reference for unchanged state. */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStore(), selector);
}

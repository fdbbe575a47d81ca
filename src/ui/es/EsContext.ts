// The event-sourced page's context (see createPageContext); EsApp provides one per page.

import type { EsController } from '../../runtime/esController';
import { createPageContext, type PageContextValue } from '../page/createPageContext';
import type { EsFacts, EsView } from './esStore';

export type EsContextValue = PageContextValue<EsController, EsFacts, EsView>;

const page = createPageContext<EsController, EsFacts, EsView>(
  'event-sourced components need <EsContext.Provider> (EsApp provides one)',
);

export const EsContext = page.Context;
export const useEsContext = page.usePageContext;
export const useEsController = (): EsController => useEsContext().controller;
/** Select from the run's facts; the selector must return a stable reference for unchanged state. */
export const useEs = page.useFacts;
export const useEsView = page.useView;

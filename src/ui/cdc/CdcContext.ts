// The CDC page's context (see createPageContext); CdcApp provides one per page.

import type { CdcController } from '../../runtime/cdcController';
import { createPageContext, type PageContextValue } from '../page/createPageContext';
import type { CdcFacts, CdcView } from './cdcStore';

export type CdcContextValue = PageContextValue<CdcController, CdcFacts, CdcView>;

const page = createPageContext<CdcController, CdcFacts, CdcView>(
  'CDC components need <CdcContext.Provider> (CdcApp provides one)',
);

export const CdcContext = page.Context;
export const useCdcContext = page.usePageContext;
/** Select from the run's facts; the selector must return a stable reference for unchanged state. */
export const useCdc = page.useFacts;
export const useCdcView = page.useView;

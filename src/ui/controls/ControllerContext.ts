// Gives nodes and the toolbar the controller without threading it through
// React Flow's node data (which toFlow keeps to plain values).

import { createContext, useContext } from 'react';
import type { Controller } from '../../runtime/controller';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController needs a <ControllerContext.Provider> (App provides one)');
  return controller;
}

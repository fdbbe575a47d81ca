// Business-data rows for the editors, read from the mirror (what the service's
// database last committed), and the one way to change them: write the whole
// row back through the controller, so the service's own transaction decides.

import { useMemo } from 'react';
import type { Row, ServiceName } from '../../core/rows';
import { useActions } from '../controls/useActions';
import { usePlayground, usePlaygroundStore } from '../store/hooks';
import { primaryKeyOf } from '../store/schema';
import { table } from '../store/selectors';

/** The table's rows sorted by primary key, so the editors do not reorder as rows change. */
export function useBusinessRows<T extends Row>(service: ServiceName, name: string): T[] {
  const map = usePlayground((s) => table(s, service, name));
  return useMemo(() => {
    const key = primaryKeyOf(name);
    return ([...map.values()] as T[]).sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  }, [map, name]);
}

export interface RowEditor {
  /** Writes `row` with `patch` applied: the whole row, as editRow expects. */
  edit(row: Row, patch: Row): void;
  invalid(field: string, text: string): void;
}

export function useRowEditor(service: ServiceName, name: string): RowEditor {
  const actions = useActions();
  const store = usePlaygroundStore();
  return useMemo(
    () => ({
      edit: (row, patch) => actions.editRow(service, name, { ...row, ...patch }),
      invalid: (field, text) =>
        store
          .getState()
          .reportError(`Edit ${service}.${name} ${field}`, `“${text}” is not a whole number ≥ 0`),
    }),
    [actions, store, service, name],
  );
}

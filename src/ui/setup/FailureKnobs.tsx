// The two settings rows that make steps fail transiently: payment's gateway and
// inventory's warehouse. Transposed — one column per setting row, one line per
// knob — so both fit the side panel. Transient failures are retried; a
// compensation that keeps failing leaves the saga stuck.

import type { Row, ServiceName, SettingRow } from '../../core/rows';
import { NumberField } from './NumberField';
import { useBusinessRows, useRowEditor, type RowEditor } from './useBusinessRows';

interface Column {
  service: ServiceName;
  key: string;
  row: (SettingRow & Row) | undefined;
  editor: RowEditor;
}

function useColumn(service: ServiceName, key: string): Column {
  const rows = useBusinessRows<SettingRow & Row>(service, 'settings');
  return { service, key, row: rows.find((r) => r.key === key), editor: useRowEditor(service, 'settings') };
}

const FLAGS: { field: 'offline' | 'compensationFails'; label: string; help: string }[] = [
  {
    field: 'offline',
    label: 'offline',
    help: 'every operation fails (transient): retried, then compensated',
  },
  {
    field: 'compensationFails',
    label: 'undo fails',
    help: 'refunds / releases fail (transient): the compensation retries, then the saga is stuck',
  },
];

export function FailureKnobs() {
  const columns = [useColumn('payment', 'gateway'), useColumn('inventory', 'warehouse')];
  return (
    <table className="edit-table knobs-table">
      <caption>
        Failure knobs <span className="muted">*.settings</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">knob</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" title={`${c.service}.settings, key ${c.key}`}>
              {c.key}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" title="The first N attempts of each operation fail with a transient error">
            fail first N
          </th>
          {columns.map(({ key, row, editor }) => (
            <td key={key}>
              {row && (
                <NumberField
                  label={`${key}: fail the first N attempts`}
                  value={row.failFirstAttempts ?? 0}
                  onCommit={(failFirstAttempts) => editor.edit(row, { failFirstAttempts })}
                  onInvalid={(text) => editor.invalid(`${key} failFirstAttempts`, text)}
                />
              )}
            </td>
          ))}
        </tr>
        {FLAGS.map(({ field, label, help }) => (
          <tr key={field}>
            <th scope="row" title={help}>
              {label}
            </th>
            {columns.map(({ key, row, editor }) => (
              <td key={key}>
                {row && (
                  <input
                    type="checkbox"
                    aria-label={`${key}: ${label}`}
                    title={help}
                    checked={row[field] ?? false}
                    onChange={(e) => editor.edit(row, { [field]: e.target.checked })}
                  />
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

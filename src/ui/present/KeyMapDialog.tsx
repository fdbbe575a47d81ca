// `?` in presenter mode: every key, in full, over the canvas. Non-modal (the
// keys keep working underneath); `?`, Esc, Close or a click outside close it.

import type { ProcessName } from '../../core/telemetry';
import { KEY_MAP } from './keyMap';

export function KeyMapDialog({ targets, onClose }: { targets: readonly ProcessName[]; onClose(): void }) {
  return (
    <div className="keymap-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-labelledby="keymap-title"
        className="keymap-dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="keymap-title">Presenter keys</h2>
        <table className="keymap-table">
          <tbody>
            {KEY_MAP.map((b) =>
              b.kind === 'select' ? (
                targets.map((name, i) => (
                  <tr key={name}>
                    <th scope="row">
                      <kbd>{i + 1}</kbd>
                    </th>
                    <td>select {name}</td>
                  </tr>
                ))
              ) : (
                <tr key={b.kind}>
                  <th scope="row">
                    <kbd>{b.label}</kbd>
                  </th>
                  <td>{b.does}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        <p className="keymap-note">Keys do nothing while you type in a field.</p>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

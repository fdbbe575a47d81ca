// The query service: each read model with its projection lag and checkpoint,
// a Rebuild that replays every event into it, and its rows.

import { READ_MODEL_NAMES } from '../../runtime/esController';
import { ReadModelSection } from './ReadModelSection';

export function QueryPanel() {
  return (
    <div className="es-read-models">
      {READ_MODEL_NAMES.map((name) => (
        <ReadModelSection key={name} name={name} />
      ))}
    </div>
  );
}

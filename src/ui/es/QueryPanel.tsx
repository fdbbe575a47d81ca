// The query service: each read model with its projection lag and checkpoint,
// a Rebuild that replays every event into it, and its rows.

import { READ_MODEL_NAMES } from '../../runtime/esController';
import { useEsController } from './EsContext';
import { ReadModelSection } from './ReadModelSection';

export function QueryPanel() {
  // `inbox: false` stores each projection's checkpoint apart from its batch: the panel says what is switched off.
  const apart = !useEsController().scenario().inbox;
  return (
    <div className="es-read-models">
      {apart && (
        <p className="switched-off" data-testid="checkpoint-apart">
          checkpoint stored apart from its batch: a crash between them applies the batch again
        </p>
      )}
      {READ_MODEL_NAMES.map((name) => (
        <ReadModelSection key={name} name={name} />
      ))}
    </div>
  );
}

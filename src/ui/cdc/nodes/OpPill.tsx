// A change's op as Debezium spells it (c, u, d, r) in its colour: create green,
// update amber, delete red, snapshot read blue — with the op's name for screen readers.

import type { ChangeOp } from '../../../core/cdc/changeEvent';
import { OP_NAMES } from '../cdcFormat';

export function OpPill({ op }: { op: ChangeOp }) {
  return (
    <span className={`op-pill op-${op}`} title={OP_NAMES[op]} aria-label={OP_NAMES[op]}>
      {op}
    </span>
  );
}

// Pure choice of the next piece of a canvas update to put on show while the
// canvas summarises heavy traffic: one node's data, or the edges. Laying out
// and painting every node's tables in one frame costs more than a frame on a
// busy machine; a piece a frame (useLiveFlow.ts), each frame costs about one node's.
// Nothing is left out: a round ends where the whole update is on show.

/**
 * The first of `pieces` (0…pieces-1) from `cursor` on, round-robin, that `differs` from what is on show; null when
 * none does. Round-robin, so under a stream of updates every piece gets its turn.
 */
export function nextPiece(
  pieces: number,
  cursor: number,
  differs: (piece: number) => boolean,
): number | null {
  for (let k = 0; k < pieces; k++) {
    const piece = (cursor + k) % pieces;
    if (differs(piece)) return piece;
  }
  return null;
}

/** React Flow's own node fields: the same, and React Flow need not be told of a node again. */
export interface FramedNode {
  id: string;
  type?: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  handles?: unknown;
  style?: unknown;
}

/** The same nodes, in the same places and sizes, with the same handles: only their data may differ. */
export function sameFrame(a: readonly FramedNode[], b: readonly FramedNode[]): boolean {
  return (
    a.length === b.length &&
    a.every((n, i) => {
      const m = b[i];
      return (
        n.id === m.id &&
        n.type === m.type &&
        n.position.x === m.position.x &&
        n.position.y === m.position.y &&
        n.width === m.width &&
        n.height === m.height &&
        n.handles === m.handles &&
        n.style === m.style
      );
    })
  );
}

// Ids for rows and messages: short enough to read on the canvas, random
// enough that two runs or two tabs never collide.

import { hashString } from './hash';
import { seededRandom } from './random';

export function randomId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${prefix}-${hex}`;
}

/**
 * Ids for a deterministic run: drawn from a PRNG seeded by the run's seed and
 * the process's incarnation, so the same run mints the same ids on every host
 * while a restarted process never repeats the ids of its previous life.
 */
export function seededIds(seed: number, salt: string): (prefix: string) => string {
  const random = seededRandom(hashString(`${seed}/${salt}`));
  return (prefix) => {
    let hex = '';
    for (let i = 0; i < 4; i++)
      hex += Math.floor(random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${prefix}-${hex}`;
  };
}

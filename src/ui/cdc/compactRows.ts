// How many of a table's newest rows the presenter's compact node has room for, when a long value wraps
// over lines rather than being cut: each row's lines are counted as the browser would break them, at a
// character width taken a little wide, and rows are taken newest first until the table's lines are used.
// Pure.

/** Lines `text` takes wrapped at spaces in `chars` characters a line; a longer word breaks anywhere. */
export function wrappedLines(text: string, chars: number): number {
  const width = Math.max(1, chars);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= width) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the line breaks anywhere (overflow-wrap: anywhere): its tail starts the last line.
    lines += Math.ceil(word.length / width) - 1;
    used = word.length % width || width;
  }
  return lines;
}

/** The leading rows (newest first) whose lines add up to at most `lines`: always the first, if there is one. */
export function rowsThatFit<T>(rows: readonly T[], linesOf: (row: T) => number, lines: number): T[] {
  const fit: T[] = [];
  let used = 0;
  for (const row of rows) {
    used += Math.max(1, linesOf(row));
    if (used > lines && fit.length > 0) break;
    fit.push(row);
  }
  return fit;
}

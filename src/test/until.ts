// Test code: waits for a real condition, looking every few milliseconds. No
// deadline of its own — the test's timeout is the only one — so a slow machine
// makes a test slower, never wrong.

export async function until(condition: () => boolean, everyMs = 10): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

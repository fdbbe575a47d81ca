// Whether the visitor dismissed the start card: kept in localStorage, so it is
// never shown again once dismissed. A browser that refuses storage (private
// modes, blocked cookies) still keeps it dismissed for this page.

const KEY = 'playground.startCard.dismissed';

let dismissedHere = false;

export function startCardDismissed(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  if (dismissedHere) return true;
  try {
    return storage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissStartCard(storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  dismissedHere = true;
  try {
    storage?.setItem(KEY, '1');
  } catch {
    // Refused: dismissed for this page only, which is all the browser allows.
  }
}

/** localStorage, or null where even reading the property throws (sandboxed frames, blocked storage). */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

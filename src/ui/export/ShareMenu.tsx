// Toolbar slot: share link, exports and import. (Being built.)

export function ShareMenu() {
  return null;
}

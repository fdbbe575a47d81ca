// Toolbar slot: opens the scenario library. (Being built.)

export function ScenarioMenu() {
  return null;
}

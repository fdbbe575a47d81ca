// When a run has started: every process up, and whether it resumed a run its
// databases already held. A guide opened at a checkpoint walks its steps only
// then, and only in a fresh run (a resumed one has already run them).

export interface RunStart {
  /** Resolves once every process has started; rejects when the run could not start. A test double may leave it out. */
  whenStarted?(): Promise<{ resumed: boolean }>;
}

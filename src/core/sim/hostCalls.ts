// A deterministic run grants a user's command (or a workload item) as a step:
// the host runs one of the calls it lists by name, and the trace records its
// JSON result. One helper, so every topology's hosts word a result alike.

export type HostCalls = Record<string, (...args: never[]) => Promise<unknown>>;

export async function runHostCall(
  calls: HostCalls,
  host: string,
  name: string,
  args: unknown,
): Promise<string> {
  const call = calls[name];
  if (!call) throw new Error(`${host} has no command ${name}`);
  const list = (Array.isArray(args) ? args : [args]) as never[];
  return JSON.stringify((await call(...list)) ?? null);
}

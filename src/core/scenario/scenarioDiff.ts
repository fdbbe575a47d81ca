// Which fields two scenarios differ in, compared deeply (faults and data as the
// plain data they are, key order ignored). Pure; the library's pair check and
// the compare page's "what differs" line both read it.

import type { Scenario } from './scenario';

export interface FieldChange<K extends keyof Scenario = keyof Scenario> {
  field: K;
  from: Scenario[K];
  to: Scenario[K];
}

/** The same value whatever order its object keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Every field in which `b` differs from `a`, in the scenario's own field order. `guide` and `checkpoint` are left
 * out by default: they name the story told over a run and where it opens, not anything the run does.
 */
export function scenarioDiff(
  a: Scenario,
  b: Scenario,
  ignore: readonly (keyof Scenario)[] = ['guide', 'checkpoint'],
): FieldChange[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof Scenario)[];
  return fields
    .filter((field) => !ignore.includes(field) && canonical(a[field]) !== canonical(b[field]))
    .map((field) => ({ field, from: a[field], to: b[field] }) as FieldChange);
}

// A run-level choice (approach, saga style): services are wired differently for
// each option, so choosing one starts a fresh run at the same link with other
// URL settings, after the user confirms leaving the current run behind.

import type { ReactNode } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
  help: string;
}

interface Props<T extends string> {
  legend: string;
  name: string;
  options: Option<T>[];
  current: T;
  /** The link of the fresh run for an option. */
  urlFor(value: T): string;
  disabled?: boolean;
  note: ReactNode;
}

export function FreshRunChoice<T extends string>({
  legend,
  name,
  options,
  current,
  urlFor,
  disabled,
  note,
}: Props<T>) {
  const choose = ({ value, label }: Option<T>) => {
    if (value === current) return;
    const ok = window.confirm(
      `Switch to ${label}? This starts a fresh run: the current run’s orders and sagas are left behind.`,
    );
    if (ok) window.location.assign(urlFor(value));
  };
  return (
    <fieldset className="setting-group" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="setting-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={current === option.value}
            onChange={() => choose(option)}
          />
          <span>
            <strong>{option.label}</strong> <span className="muted">— {option.help}</span>
          </span>
        </label>
      ))}
      <p className="setting-note">{note}</p>
    </fieldset>
  );
}

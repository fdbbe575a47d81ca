// A whole-number input that commits when the user is done (Enter or leaving the
// field), not on every keystroke: typing "120" must not write 1, 12, then 120.
// Escape puts back the value the database holds.

import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  onCommit(value: number): void;
  /** A value the field refuses, reported instead of written. */
  onInvalid(text: string): void;
  min?: number;
}

export function NumberField({ label, value, onCommit, onInvalid, min = 0 }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const n = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(n) || n < min) return onInvalid(draft);
    if (n !== value) onCommit(n);
  };
  return (
    <input
      type="number"
      className="number-field"
      inputMode="numeric"
      min={min}
      step={1}
      aria-label={label}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

// A toolbar button that opens a form below it. Closing gives focus back to the
// button, because the field that had it is gone.

import { useRef, useState, type ReactNode } from 'react';

interface Props {
  label: string;
  title: string;
  className?: string;
  disabled?: boolean;
  /** The form, given a function that closes it. */
  children(close: () => void): ReactNode;
}

export function Popover({ label, title, className = 'btn', disabled, children }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="order-popover-anchor">
      <button
        ref={toggle}
        type="button"
        className={className}
        aria-expanded={open}
        aria-haspopup="true"
        disabled={disabled}
        title={title}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && <div className="order-popover">{children(close)}</div>}
    </div>
  );
}

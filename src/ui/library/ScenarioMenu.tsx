// Toolbar slot "Scenarios": opens the scenario library, a modal dialog of the
// scenarios the seed text walks through, each opening in a fresh run with its
// story in the Guide tab.

import { useRef, useState } from 'react';
import { LibraryDialog } from './LibraryDialog';
import '../styles/library.css';

export function ScenarioMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        Scenarios
      </button>
      {open && (
        <LibraryDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

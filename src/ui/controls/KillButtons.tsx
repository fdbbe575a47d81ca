// The two buttons every process node carries, whatever page it is on: kill the
// worker now, and start a new one on the same database. Each page says what
// the click does (its controller); these say how they look and read.

interface CrashNowProps {
  process: string;
  running: boolean;
  /** What survives the kill, for the tooltip. */
  title?: string;
  onCrash: () => void;
}

export function CrashNow({ process, running, title, onCrash }: CrashNowProps) {
  return (
    <button
      type="button"
      className="btn btn-danger nodrag nopan"
      disabled={!running}
      aria-label={`Crash ${process} now`}
      title={title}
      onClick={onCrash}
    >
      Crash now
    </button>
  );
}

export function Restart({ process, onRestart }: { process: string; onRestart: () => void }) {
  return (
    <button
      type="button"
      className="btn btn-restart nodrag nopan"
      aria-label={`Restart ${process}`}
      onClick={onRestart}
    >
      Restart
    </button>
  );
}

// The frame of every run's page, whatever its topology: the toolbar, the
// error banner, and the workspace — the canvas (or process panels) inside its
// own error boundary, and the side panel. The topology's page fills the slots.
// Shown to a room (`present`), it drops the timeline (a presenter's canvas is
// always live) and hangs presentPage.css's projector type off its root.

import type { ReactNode } from 'react';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { PresentContext } from './presentContext';
import '../styles/presentPage.css';

interface PageShellProps {
  /** Added to `app` on the page's root (the page's own styles hang off it). */
  className?: string;
  /** Added to `workspace` (a folded side panel, a page's own layout). */
  workspaceClassName?: string;
  toolbar: ReactNode;
  banner: ReactNode;
  canvas: ReactNode;
  /** How the canvas's error boundary names what failed ("canvas", "process panels"). */
  canvasRegion: string;
  /** Under the canvas: the run's timeline (src/ui/history/timeline). */
  timeline?: ReactNode;
  side: ReactNode;
  /** `?present=1`: projector type, no timeline, and a locked canvas (usePresent). */
  present?: boolean;
}

const classes = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

export function PageShell(props: PageShellProps) {
  const present = props.present ?? false;
  return (
    <PresentContext.Provider value={present}>
      <div className={classes('app', present ? classes('present-page', props.className) : props.className)}>
        {props.toolbar}
        {props.banner}
        <main className={classes('workspace', props.workspaceClassName)}>
          <div className="canvas-column">
            <ErrorBoundary region={props.canvasRegion}>{props.canvas}</ErrorBoundary>
            {props.timeline && !present && <ErrorBoundary region="timeline">{props.timeline}</ErrorBoundary>}
          </div>
          {props.side}
        </main>
      </div>
    </PresentContext.Provider>
  );
}

// The frame of every run's page, whatever its topology: the toolbar, the
// error banner, and the workspace — the canvas (or process panels) inside its
// own error boundary, and the side panel. The topology's page fills the slots.

import type { ReactNode } from 'react';
import { ErrorBoundary } from '../panels/ErrorBoundary';

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
}

const classes = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

export function PageShell(props: PageShellProps) {
  return (
    <div className={classes('app', props.className)}>
      {props.toolbar}
      {props.banner}
      <main className={classes('workspace', props.workspaceClassName)}>
        <div className="canvas-column">
          <ErrorBoundary region={props.canvasRegion}>{props.canvas}</ErrorBoundary>
          {props.timeline && <ErrorBoundary region="timeline">{props.timeline}</ErrorBoundary>}
        </div>
        {props.side}
      </main>
    </div>
  );
}

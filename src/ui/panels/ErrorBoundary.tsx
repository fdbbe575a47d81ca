// A rendering bug in one region (say, the canvas) shows a message in that
// region instead of unmounting the whole app and leaving a blank page.

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  region: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[${this.props.region}] render failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="region-error" role="alert">
        <strong>The {this.props.region} failed to render.</strong> {this.state.error.message}
        <button type="button" className="btn btn-small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

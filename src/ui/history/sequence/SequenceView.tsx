// Placeholder until its view lands (issue 16): says plainly that it is not built.

export function SequenceView() {
  return <p className="history-empty">This view is being built.</p>;
}

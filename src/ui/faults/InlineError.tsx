// A failure shown beside the control it belongs to. role=alert: a screen reader
// announces it at once, as the user's action is what failed.

export function InlineError({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <div className="inline-error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="btn btn-small" aria-label="Dismiss this error" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

// What stands where the outbox would be when a run has none: dual write's
// missing safety net, or a run that sends no events at all. Each fills the
// outbox's place, so the node keeps its size.

import type { NoteStat } from './sections';

export function DualWriteNote({
  sent,
  lost,
  outboxRows,
  compact = false,
}: {
  sent: number;
  lost: number;
  outboxRows: number;
  /** The presenter's node: three short lines in projector type (the header already says there is no outbox). */
  compact?: boolean;
}) {
  // Only a publish the broker refused is known here; a crash before publishing leaves no trace but the anomaly.
  const outcome =
    lost > 0 ? (
      <span className="lost-hit">
        refused, lost <strong>{lost}</strong>
      </span>
    ) : (
      <span>
        sent straight <strong>{sent}</strong>
      </span>
    );
  if (compact)
    return (
      <div className="event-note dual-write-note">
        <p className="event-note-title">no outbox (dual write)</p>
        <p className="event-note-line">a crash after commit loses it</p>
        <div className="event-note-stats">{outcome}</div>
      </div>
    );
  return (
    <div className="event-note dual-write-note">
      <p className="event-note-title">no outbox (dual write): events go straight to the broker</p>
      <p className="event-note-line">a crash after the commit loses the event</p>
      <div className="event-note-stats">
        <span>
          outbox <strong>{outboxRows}</strong> rows
        </span>
        {outcome}
      </div>
    </div>
  );
}

export function NoEventsNote({
  title,
  lines,
  stat,
}: {
  title: string;
  lines: readonly string[];
  stat?: NoteStat;
}) {
  return (
    <div className="event-note no-events-note">
      <div className="event-note-caption">
        outbox · inbox <span className="count">not used</span>
      </div>
      <p className="event-note-title">{title}</p>
      {lines.filter(Boolean).map((line) => (
        <p key={line} className="event-note-line">
          {line}
        </p>
      ))}
      {stat && (
        <div
          className={stat.value > 0 ? 'note-stat note-stat-hit' : 'note-stat'}
          aria-label={`${stat.label}: ${stat.value}`}
        >
          <span>{stat.label}</span>
          <strong className="dup-number">{stat.value}</strong>
        </div>
      )}
    </div>
  );
}

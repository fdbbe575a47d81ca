// What the last action of the share menu did. The status region is always
// there, so a screen reader hears each new message; a failure is an alert,
// with an imported file's problems listed as plain text.

import { useEffect, useRef } from 'react';
import type { Outcome } from './shareMessages';

export function ShareOutcome({ outcome }: { outcome: Outcome | null }) {
  const news = outcome?.tone === 'news' ? outcome.text : '';
  return (
    <>
      <p className="share-status" role="status">
        {news}
      </p>
      {outcome?.link && <ManualCopy link={outcome.link} />}
      {outcome?.tone === 'failure' && (
        <div className="share-alert" role="alert">
          <p>
            {outcome.code && <span className="error-code">{outcome.code} </span>}
            {outcome.text}
          </p>
          {outcome.problems && outcome.problems.length > 0 && <Problems problems={outcome.problems} />}
        </div>
      )}
    </>
  );
}

/** A file may hold thousands of unknown keys: the first few say what is wrong. */
const SHOWN_PROBLEMS = 12;

function Problems({ problems }: { problems: readonly string[] }) {
  const hidden = problems.length - SHOWN_PROBLEMS;
  return (
    <ul>
      {problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
        <li key={i}>{problem}</li>
      ))}
      {hidden > 0 && <li>and {hidden} more</li>}
    </ul>
  );
}

/** The clipboard was refused: the link, selected, for Ctrl+C. */
function ManualCopy({ link }: { link: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [link]);
  return (
    <input
      ref={input}
      className="share-link"
      type="text"
      readOnly
      value={link}
      aria-label="Share link to copy"
      onFocus={(e) => e.target.select()}
    />
  );
}

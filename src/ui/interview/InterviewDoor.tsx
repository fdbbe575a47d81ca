// The way into interview mode from the Scenarios dialog: a plain link to
// `?interview=1` on this page's address (a sub-path deployment keeps it).

import { interviewHref } from './demoLinks';

export function InterviewDoor({ base }: { base: string }) {
  return (
    <p className="library-intro">
      <a href={interviewHref(base)}>Interview questions answered by runs, and a pattern chooser</a>
    </p>
  );
}

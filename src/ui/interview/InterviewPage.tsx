// `?interview=1`: the seed's six interview questions, each answered in our own
// words with a run for every claim, then the pattern chooser (`#chooser`).
// Like the compare page it starts no run of its own: main.tsx renders it
// instead of booting, and its links open runs.

import { useEffect } from 'react';
import { INTERVIEW } from '../../core/scenario/library/interview';
import { pageBase } from '../library/libraryLinks';
import { PatternChooser } from './PatternChooser';
import { QuestionCard } from './QuestionCard';
import '../styles/theme.css';
import '../styles/interview.css';

export function InterviewPage() {
  const base = pageBase(window.location);
  useEffect(() => {
    // The page is drawn after load, so the browser could not scroll to the address's anchor itself.
    const target = window.location.hash.slice(1);
    if (target) document.getElementById(target)?.scrollIntoView();
  }, []);
  return (
    <div className="interview-page">
      <header className="toolbar interview-head">
        <h1>Interview questions, answered by runs</h1>
        <a className="btn interview-back" href={base}>
          Back to the playground
        </a>
      </header>
      <div className="interview-body">
        <nav className="interview-nav" aria-label="On this page">
          <ol>
            {INTERVIEW.map((q) => (
              <li key={q.id}>
                <a href={`#q-${q.id}`}>
                  <span className="question-level">{q.level}</span> {q.question}
                </a>
              </li>
            ))}
            <li>
              <a href="#chooser">Which patterns do you need?</a>
            </li>
          </ol>
        </nav>
        <main className="interview-main">
          <p className="interview-intro">
            Each answer is split into claims, and every claim opens the run that shows it: a guide to walk
            with Start and Next step, or two runs side by side. Under each link, what the checker says at the
            end.
          </p>
          {INTERVIEW.map((q) => (
            <QuestionCard key={q.id} question={q} base={base} />
          ))}
          <PatternChooser base={base} />
        </main>
      </div>
    </div>
  );
}

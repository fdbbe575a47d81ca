// The pattern chooser: a radio group and five checkboxes about the reader's
// system, and for each pattern "use it" (opening the scenario that shows why)
// or "skip it" (and why it would be overkill). The advice is recommend()'s.

import { useState } from 'react';
import { libraryEntry } from '../../core/scenario/library';
import {
  combination,
  NO_ANSWERS,
  PATTERN_NAMES,
  recommend,
  YES_NO_QUESTIONS,
  type Advice,
  type SystemAnswers,
} from '../../core/scenario/library/chooser';
import { entryHref } from '../library/libraryLinks';

function EntryLink({ base, id, lead }: { base: string; id: string; lead: string }) {
  const entry = libraryEntry(id);
  if (!entry) return null;
  return (
    <a className="demo-link" href={entryHref(base, entry)}>
      {lead} “{entry.title}”
    </a>
  );
}

function AdviceItem({ advice, base }: { advice: Advice; base: string }) {
  return (
    <li className={advice.use ? 'advice advice-use' : 'advice advice-skip'} data-pattern={advice.pattern}>
      <p>
        <strong>
          {advice.use ? 'Use' : 'Skip'}: {PATTERN_NAMES[advice.pattern]}.
        </strong>{' '}
        {advice.why}
      </p>
      {advice.entry && (
        <EntryLink base={base} id={advice.entry} lead={advice.use ? 'See it in' : 'See what it costs in'} />
      )}
    </li>
  );
}

export function PatternChooser({ base }: { base: string }) {
  const [answers, setAnswers] = useState<SystemAnswers>(NO_ANSWERS);
  const advice = recommend(answers);
  const together = combination(advice);
  const set = (patch: Partial<SystemAnswers>) => setAnswers((a) => ({ ...a, ...patch }));
  const use = advice.filter((a) => a.use);
  const skip = advice.filter((a) => !a.use);
  return (
    <section className="chooser" id="chooser" aria-labelledby="chooser-title" tabIndex={-1}>
      <h2 id="chooser-title">Which patterns does your system need?</h2>
      <div className="chooser-grid">
        <form className="chooser-form" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Where does its data live?</legend>
            {(['one', 'several'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="databases"
                  value={value}
                  checked={answers.databases === value}
                  onChange={() => set({ databases: value })}
                />
                {value === 'one' ? 'In one database' : 'In several databases, one per service'}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Which of these are true?</legend>
            {YES_NO_QUESTIONS.map(({ key, text }) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={answers[key]}
                  onChange={(e) => set({ [key]: e.target.checked })}
                />
                {text}
              </label>
            ))}
          </fieldset>
        </form>
        <div className="chooser-advice" aria-live="polite" data-testid="chooser-advice">
          <h3>Use</h3>
          {use.length ? (
            <ul>
              {use.map((a) => (
                <AdviceItem key={a.pattern} advice={a} base={base} />
              ))}
            </ul>
          ) : (
            <p className="chooser-none">
              None of them: your database’s own transactions are enough. Add a pattern when a need above
              appears.
            </p>
          )}
          {together && (
            <p className="chooser-together">
              {together.text} <EntryLink base={base} id={together.entry} lead="See them together in" />
            </p>
          )}
          <h3>Skip</h3>
          <ul>
            {skip.map((a) => (
              <AdviceItem key={a.pattern} advice={a} base={base} />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

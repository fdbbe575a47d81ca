// One interview question: the question as a heading, our short answer, its
// claims each with the run that shows it, and the follow-up with its own run.

import type { InterviewQuestion } from '../../core/scenario/library/interview';
import { DemoAnchor } from './DemoAnchor';

export function QuestionCard({ question, base }: { question: InterviewQuestion; base: string }) {
  const headingId = `q-${question.id}`;
  return (
    <article className="question" aria-labelledby={headingId} data-testid={`question-${question.id}`}>
      <h2 id={headingId}>
        <span className="question-level">{question.level}</span> {question.question}
      </h2>
      <p className="question-answer">{question.answer}</p>
      <h3 className="question-sub">Watch each claim happen</h3>
      <ol className="claims">
        {question.claims.map((claim) => (
          <li key={claim.text}>
            <p>{claim.text}</p>
            <DemoAnchor base={base} demo={claim.demo} />
          </li>
        ))}
      </ol>
      <section className="follow-up" aria-label={`Follow-up: ${question.followUp.question}`}>
        <h3 className="question-sub">Follow-up: {question.followUp.question}</h3>
        <p>{question.followUp.answer}</p>
        <DemoAnchor base={base} demo={question.followUp.demo} />
      </section>
    </article>
  );
}

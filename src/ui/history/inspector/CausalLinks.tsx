// An inspection's causes or effects: each link a button naming its kind,
// service, id and why it is linked. A click inspects that item and moves the
// page to the moment it was committed.

import type { CausalLink } from '../../../runtime/historyReads';
import { useHistoryReads } from '../HistoryContext';
import { historyView } from '../historyViewStore';
import { momentOf, momentStore, useMoment } from '../momentStore';
import { inspectKind, linkLabel, linkTarget, momentOfCommit } from './inspectorFormat';

interface Props {
  title: string;
  links: readonly CausalLink[];
  /** Said when there are none. */
  none: string;
}

export function CausalLinks({ title, links, none }: Props) {
  const { reads } = useHistoryReads();
  const viewing = useMoment((s) => s.viewing);
  const follow = async (link: CausalLink) => {
    const target = linkTarget(link);
    try {
      // Where it was committed, as the page sees it now; the inspector then reads it as of that moment.
      const found = await reads.inspect(inspectKind(target), target.id, momentOf(viewing));
      const moment = momentOfCommit(found.committed);
      if (moment) momentStore.getState().view(moment);
    } catch {
      // The inspector reads it again and shows why it cannot be found; the moment stays where it is.
    }
    historyView.getState().inspect(target);
  };
  const heading = `inspector-${title.toLowerCase()}`;
  return (
    <section className="inspector-links" aria-labelledby={heading}>
      <h4 id={heading} className="inspector-heading">
        {title} <span className="count">{links.length}</span>
      </h4>
      {links.length === 0 ? (
        <p className="muted inspector-none">{none}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={`${link.kind}/${link.service}/${link.id}`}>
              <button
                type="button"
                className="inspector-link"
                title={linkLabel(link)}
                onClick={() => void follow(link)}
              >
                <span className="inspector-link-what">
                  {link.kind} · {link.service}
                </span>{' '}
                <code className="inspector-link-id">{link.id}</code>
                <span className="inspector-link-via">{link.via}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

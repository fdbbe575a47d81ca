// One table of the broker node: per topic its partitions' end offsets, and per
// consumer group reading it the committed offsets, messages in flight and lag.

import type { ConsumerView, TopicView } from './brokerView';

type Column = [name: string, width: string, kind?: string];

/** One table across the whole broker, or (when many groups read) one of two side by side. */
const WIDE: Column[] = [
  ['topic', '17%'],
  ['end offsets', '23%'],
  ['consumer group', '14%'],
  ['committed offsets', '23%'],
  ['in flight', '12%', 'num'],
  ['lag', '11%', 'num'],
];
const NARROW: Column[] = [
  ['topic', '21%'],
  ['end offsets', '24%'],
  ['group', '16%'],
  ['committed', '24%'],
  ['in flight', '8%', 'num wrap'],
  ['lag', '7%', 'num'],
];
/** Orchestrated runs (14px type, see broker.css): room for "inventory-commands" and the "orchestrator" group. */
const NARROW_ORCHESTRATED: Column[] = [
  ['topic', '26%'],
  ['end offsets', '22%'],
  ['group', '15%'],
  ['committed', '22%'],
  ['in flight', '8%', 'num wrap'],
  ['lag', '7%', 'num'],
];

/**
 * The presenter's compact broker (projector type): per topic its record count, per group its lag, with the
 * partitions' offsets and the messages in flight in the tooltips. Always two tables side by side.
 */
const COMPACT: Column[] = [
  ['topic', '40%'],
  ['records', '17%', 'num'],
  ['group', '30%'],
  ['lag', '13%', 'num'],
];

function Offsets({ parts }: { parts: { partition: number; value: number }[] }) {
  const title = parts.map((p) => `partition ${p.partition}: ${p.value}`).join(', ');
  return (
    <span title={title}>
      {parts.map((p) => (
        <span key={p.partition} className="offset">
          p{p.partition} <strong>{p.value}</strong>
        </span>
      ))}
    </span>
  );
}

function ConsumerCells({ consumer, compact }: { consumer: ConsumerView | undefined; compact: boolean }) {
  if (!consumer) {
    return (
      <td colSpan={compact ? 2 : 4} className="muted">
        {compact ? 'no group' : 'no consumer group'}
      </td>
    );
  }
  if (compact) {
    const offsets = consumer.partitions.map((p) => `p${p.partition} ${p.committed}`).join(', ');
    return (
      <>
        <td
          className={consumer.attached ? 'group' : 'group detached'}
          title={`committed ${offsets}; ${consumer.inflight} in flight${consumer.attached ? '' : '; no member: the consumer is down'}`}
        >
          {consumer.group}
          {!consumer.attached && ' (down)'}
        </td>
        <td className={consumer.lag > 0 ? 'num lag' : 'num'}>{consumer.lag}</td>
      </>
    );
  }
  return (
    <>
      <td
        className={consumer.attached ? 'group' : 'group detached'}
        title={consumer.attached ? undefined : 'no member: the consumer is down'}
      >
        {consumer.group}
        {!consumer.attached && ' (down)'}
      </td>
      <td>
        <Offsets parts={consumer.partitions.map((p) => ({ partition: p.partition, value: p.committed }))} />
      </td>
      <td className={consumer.inflight > 0 ? 'num inflight' : 'num'}>{consumer.inflight}</td>
      <td className={consumer.lag > 0 ? 'num lag' : 'num'}>{consumer.lag}</td>
    </>
  );
}

function TopicRows({ view, compact }: { view: TopicView; compact: boolean }) {
  const consumers = view.consumers.length ? view.consumers : [undefined];
  return consumers.map((consumer, i) => (
    <tr key={consumer?.group ?? 'none'} className={i === 0 ? 'topic-first' : undefined}>
      {i === 0 && (
        <>
          <th
            scope="row"
            rowSpan={consumers.length}
            className="topic"
            title={view.publisher ? `published by ${view.publisher}` : undefined}
          >
            <TopicName topic={view.topic} />
          </th>
          {compact ? (
            <td
              rowSpan={consumers.length}
              className="num"
              title={view.partitions.map((p) => `partition ${p.partition}: ${p.endOffset}`).join(', ')}
            >
              {view.records}
            </td>
          ) : (
            <td rowSpan={consumers.length}>
              <Offsets parts={view.partitions.map((p) => ({ partition: p.partition, value: p.endOffset }))} />
            </td>
          )}
        </>
      )}
      <ConsumerCells consumer={consumer} compact={compact} />
    </tr>
  ));
}

interface Props {
  topics: TopicView[];
  narrow: boolean;
  orchestrated?: boolean;
  compact?: boolean;
}

/**
 * Debezium's `outbox.event.<type>` names are too wide for the table: the type tells topics apart,
 * and the broker's subtitle says the prefix once. The full name stays in the title and for screen readers.
 */
function TopicName({ topic }: { topic: string }) {
  const routed = topic.match(/^outbox\.event\.(.+)$/);
  if (!routed) return <>{topic}</>;
  return (
    <span title={topic} aria-label={topic}>
      <span className="topic-prefix" aria-hidden="true">
        …
      </span>
      {routed[1]}
    </span>
  );
}

export function TopicTable({ topics, narrow, orchestrated = false, compact = false }: Props) {
  const columns = compact ? COMPACT : !narrow ? WIDE : orchestrated ? NARROW_ORCHESTRATED : NARROW;
  return (
    <table className="data-table broker-table">
      <colgroup>
        {columns.map(([name, width]) => (
          <col key={name} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map(([name, , kind]) => (
            <th key={name} scope="col" className={kind}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {topics.map((view) => (
          <TopicRows key={view.topic} view={view} compact={compact} />
        ))}
      </tbody>
    </table>
  );
}

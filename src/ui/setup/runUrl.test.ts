import { describe, expect, it } from 'vitest';
import { urlWithApproach, urlWithStyle } from './runUrl';

describe('urlWithStyle', () => {
  it('sets the style and keeps the other parameters and the path', () => {
    expect(urlWithStyle('http://h/sub/?pace=fast', 'orchestration')).toBe(
      'http://h/sub/?pace=fast&style=orchestration',
    );
  });

  it('leaves the default style out of the URL', () => {
    expect(urlWithStyle('http://h/?style=orchestration&pace=fast', 'choreography')).toBe(
      'http://h/?pace=fast',
    );
  });

  it('drops the run, so the link starts a fresh one', () => {
    expect(urlWithStyle('http://h/?run=ab12cd34&pace=fast', 'orchestration')).toBe(
      'http://h/?pace=fast&style=orchestration',
    );
  });
});

describe('urlWithApproach', () => {
  it('sets publishing for dual write and keeps the saga style', () => {
    expect(urlWithApproach('http://h/?pace=fast&style=orchestration', 'dual-write')).toBe(
      'http://h/?pace=fast&style=orchestration&publishing=dual-write',
    );
  });

  it('sets ordering for the approaches without a saga, dropping publishing and style', () => {
    expect(
      urlWithApproach(
        'http://h/sub/?publishing=dual-write&style=orchestration&pace=fast',
        'two-phase-commit',
      ),
    ).toBe('http://h/sub/?pace=fast&ordering=two-phase-commit');
    expect(urlWithApproach('http://h/?ordering=two-phase-commit', 'direct-calls')).toBe(
      'http://h/?ordering=direct-calls',
    );
  });

  it('goes back to the defaults by leaving both settings out', () => {
    expect(urlWithApproach('http://h/?ordering=direct-calls&pace=fast', 'outbox')).toBe(
      'http://h/?pace=fast',
    );
    expect(urlWithApproach('http://h/?publishing=dual-write', 'outbox')).toBe('http://h/');
  });

  it('drops the run, so the link starts a fresh one', () => {
    expect(urlWithApproach('http://h/?pace=fast&run=ab12cd34', 'direct-calls')).toBe(
      'http://h/?pace=fast&ordering=direct-calls',
    );
  });
});

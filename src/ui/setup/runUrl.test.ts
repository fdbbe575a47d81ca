import { describe, expect, it } from 'vitest';
import { urlWithStyle } from './runUrl';

describe('urlWithStyle', () => {
  it('sets the style and keeps the other parameters and the path', () => {
    expect(urlWithStyle('http://h/sub/?pace=fast', 'orchestration')).toBe(
      'http://h/sub/?pace=fast&style=orchestration',
    );
  });

  it('leaves the default style out of the URL', () => {
    expect(urlWithStyle('http://h/?style=orchestration&pace=fast', 'choreography')).toBe('http://h/?pace=fast');
  });
});

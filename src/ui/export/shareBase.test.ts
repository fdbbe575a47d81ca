import { describe, expect, it, vi } from 'vitest';
import { openLink, shareBase } from './shareBase';

describe('shareBase', () => {
  it('drops the hash and the run, keeping the rest of the address', () => {
    expect(shareBase('http://127.0.0.1:4173/sub/?pace=fast&run=3fa2c9d1#s/v1/abc')).toBe(
      'http://127.0.0.1:4173/sub/?pace=fast',
    );
    expect(shareBase('https://x.test/?run=1')).toBe('https://x.test/');
    expect(shareBase('https://x.test/')).toBe('https://x.test/');
  });
});

describe('openLink', () => {
  const page = (href: string) => ({ href, assign: vi.fn(), reload: vi.fn() });

  it('navigates to another page address', () => {
    const location = page('https://x.test/?run=1#s/v1/old');
    openLink('https://x.test/#s/v1/new', location);
    expect(location.assign).toHaveBeenCalledWith('https://x.test/#s/v1/new');
    expect(location.reload).not.toHaveBeenCalled();
  });

  it('reloads when only the hash changes, so a fresh run starts', () => {
    const location = page('https://x.test/#s/v1/old');
    openLink('https://x.test/#s/v1/new', location);
    expect(location.reload).toHaveBeenCalled();
  });
});

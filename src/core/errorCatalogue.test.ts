import { describe, expect, it } from 'vitest';
import { catalogueText, ERROR_CATALOGUE, type ErrorName } from './errorCatalogue';

describe('the error catalogue', () => {
  it('gives every entry its own code', () => {
    const codes = Object.values(ERROR_CATALOGUE).map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^MPP\d{3}$/);
  });

  it('keeps the codes that runs, pages and tests already quote', () => {
    const shipped: [ErrorName, string][] = [
      ['IDB_UNAVAILABLE', 'MPP001'],
      ['IDB_BLOCKED', 'MPP002'],
      ['WORKERS_UNAVAILABLE', 'MPP003'],
      ['PROCESS_FAILED', 'MPP004'],
      ['PROCESS_DOWN', 'MPP005'],
      ['SETTLE_TIMEOUT', 'MPP006'],
      ['NOT_DETERMINISTIC', 'MPP007'],
      ['RUN_DID_NOT_END', 'MPP008'],
      ['BAD_LINK', 'MPP009'],
    ];
    for (const [name, code] of shipped) expect(ERROR_CATALOGUE[name].code, name).toBe(code);
  });

  it('says an entry as its title and hint', () => {
    expect(catalogueText('IDB_BLOCKED')).toBe(
      'IndexedDB is blocked: another tab holds the database open at an older version. Close other playground tabs and reload.',
    );
    expect(catalogueText('SETTLE_TIMEOUT')).toBe('The system did not settle in time.');
  });
});

import { describe, expect, it } from 'vitest';
import { CompanyWait, MOST_WAIT_MS } from './companyWait';

describe('waiting for company', () => {
  it('never waits for arrivals that come seldom', () => {
    const company = new CompanyWait();
    expect(company.waitMs(0)).toBe(0); // the first arrival knows no rate
    for (let t = 0; t <= 1000; t += 100) company.arrived(t);
    expect(company.waitMs(1000)).toBe(0);
  });

  it('waits until just past when the next of a steady stream is due', () => {
    const company = new CompanyWait();
    for (let t = 0; t <= 200; t += 20) company.arrived(t);
    const wait = company.waitMs(200);
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(MOST_WAIT_MS);
    // Asked later, it waits only what is left.
    expect(company.waitMs(210)).toBe(wait - 10);
  });

  it('stops waiting once the stream thins out', () => {
    const company = new CompanyWait();
    for (let t = 0; t <= 200; t += 10) company.arrived(t);
    expect(company.waitMs(200)).toBeGreaterThan(0);
    for (let t = 400; t <= 2000; t += 200) company.arrived(t);
    expect(company.waitMs(2000)).toBe(0);
  });
});

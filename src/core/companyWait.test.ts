import { describe, expect, it } from 'vitest';
import { CompanyWait, LINGER_MS, OFTEN_MS } from './companyWait';

describe('waiting for company', () => {
  it('never waits for arrivals that come seldom', () => {
    const company = new CompanyWait();
    expect(company.waitMs(0)).toBe(0); // the first arrival knows no rate
    for (let t = 0; t <= 1000; t += 100) {
      company.arrived(t);
      company.taken();
    }
    expect(company.waitMs(1000)).toBe(0);
  });

  it('lets work of a steady stream linger for company, counted from the first of it to arrive', () => {
    const company = new CompanyWait();
    for (let t = 0; t <= 200; t += 20) {
      company.arrived(t);
      company.taken();
    }
    company.arrived(220);
    expect(company.waitMs(220)).toBe(LINGER_MS);
    company.arrived(240); // company came: the first still lingers only what it has left
    expect(company.waitMs(250)).toBe(LINGER_MS - 30);
    expect(company.waitMs(220 + LINGER_MS + 5)).toBe(0);
    company.taken();
    company.arrived(300);
    expect(company.waitMs(300)).toBe(LINGER_MS); // taken: the next lingers afresh
  });

  it('stops waiting once the stream thins out', () => {
    const company = new CompanyWait();
    const arrive = (t: number) => (company.taken(), company.arrived(t));
    for (let t = 0; t <= 200; t += 10) arrive(t);
    expect(company.waitMs(200)).toBeGreaterThan(0);
    for (let t = 400; t <= 2000; t += 200) arrive(t);
    expect(company.waitMs(2000)).toBe(0);
  });

  it('calls a stream steady only while its arrivals average under OFTEN_MS apart', () => {
    const steady = new CompanyWait();
    const sparse = new CompanyWait();
    for (let i = 0; i <= 20; i++) {
      steady.taken();
      steady.arrived(i * (OFTEN_MS - 5));
      sparse.taken();
      sparse.arrived(i * (OFTEN_MS + 5));
    }
    expect(steady.waitMs(20 * (OFTEN_MS - 5))).toBeGreaterThan(0);
    expect(sparse.waitMs(20 * (OFTEN_MS + 5))).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { age, cellText, count, duration, eventDetail, streamLabel, valueText } from './esFormat';

describe('esFormat', () => {
  it('counts with separators', () => {
    expect(count(10001)).toBe('10,001');
    expect(count(37)).toBe('37');
  });

  it('formats durations by magnitude', () => {
    expect(duration(0.42)).toBe('0.42 ms');
    expect(duration(2.14)).toBe('2.1 ms');
    expect(duration(180.4)).toBe('180 ms');
    expect(duration(1400)).toBe('1.4 s');
    expect(duration(Number.NaN)).toBe('—');
  });

  it('formats ages, caught up as a dash', () => {
    expect(age(null)).toBe('—');
    expect(age(1234)).toBe('1.2 s');
    expect(age(45_000)).toBe('45 s');
    expect(age(300_000)).toBe('5 min');
  });

  it('summarises events, old price shapes too', () => {
    expect(eventDetail({ type: 'ItemAdded', data: { sku: 'SKU-LAMP', qty: 1, price: 60 } })).toBe(
      'SKU-LAMP ×1 @ $60',
    );
    expect(eventDetail({ type: 'ItemAdded', data: { sku: 'SKU-MUG', qty: 2, priceCents: 1250 } })).toBe(
      'SKU-MUG ×2 @ $12.50',
    );
    expect(
      eventDetail({ type: 'TransferInitiated', data: { amount: 30, to: 'acct-2', transferId: 't1' } }),
    ).toBe('−$30 to acct-2');
    expect(eventDetail({ type: 'Unknown', data: {} })).toBe('');
  });

  it('says "not found" for a read that found nothing', () => {
    expect(valueText(null)).toBe('not found');
    expect(valueText({ orderId: 'order-9', version: 2 })).toBe('order-9 · v2');
    expect(valueText({ id: 'order-1', status: 'DRAFT', items: 3, total: 84, version: 3 })).toBe(
      'order-1 · DRAFT · 3 items · $84 · v3',
    );
    expect(valueText({ id: 'order-1', status: 'DRAFT', lines: [{}], total: 60 })).toBe(
      'order-1 · DRAFT · 1 line · $60',
    );
  });

  it('shortens generated stream ids only', () => {
    expect(streamLabel('order-100')).toBe('order-100');
    expect(streamLabel('acc-alice')).toBe('acc-alice');
    expect(streamLabel('rw-01455ffabb350d3a')).toBe('rw-0d3a');
  });

  it('formats cells by column', () => {
    expect(cellText('balance', 120)).toBe('$120');
    expect(cellText('amount', -25)).toBe('−$25');
    expect(cellText('version', 10001)).toBe('10,001');
    expect(cellText('closed', false)).toBe('no');
    expect(cellText('owner', null)).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { KEY_MAP, isTypingTarget, resolveKey, selectionTargets, selectKeysLabel } from './keyMap';

describe('resolveKey', () => {
  it('maps each documented key to its action', () => {
    expect(resolveKey({ key: ' ' })).toEqual({ kind: 'toggle-play' });
    expect(resolveKey({ key: 'ArrowRight' })).toEqual({ kind: 'step' });
    expect(resolveKey({ key: 's' })).toEqual({ kind: 'step' });
    expect(resolveKey({ key: 'e' })).toEqual({ kind: 'run-to-end' });
    expect(resolveKey({ key: 'n' })).toEqual({ kind: 'next' });
    expect(resolveKey({ key: 'p' })).toEqual({ kind: 'previous' });
    expect(resolveKey({ key: 'c' })).toEqual({ kind: 'crash' });
    expect(resolveKey({ key: 'r' })).toEqual({ kind: 'restart' });
    expect(resolveKey({ key: 'o' })).toEqual({ kind: 'order' });
    expect(resolveKey({ key: '?' })).toEqual({ kind: 'help' });
    expect(resolveKey({ key: 'Escape' })).toEqual({ kind: 'close' });
  });

  it('turns digits into selection slots', () => {
    expect(resolveKey({ key: '2' })).toEqual({ kind: 'select', slot: 2 });
    expect(resolveKey({ key: '5' })).toEqual({ kind: 'select', slot: 5 });
    expect(resolveKey({ key: '7' })).toBeNull();
  });

  it('repeats only stepping while a key is held', () => {
    expect(resolveKey({ key: 'ArrowRight', repeat: true })).toEqual({ kind: 'step' });
    expect(resolveKey({ key: 'c', repeat: true })).toBeNull();
    expect(resolveKey({ key: ' ', repeat: true })).toBeNull();
  });

  it('reads Shift+letter as the letter', () => {
    expect(resolveKey({ key: 'E' })).toEqual({ kind: 'run-to-end' });
  });

  it('leaves browser shortcuts and unbound keys alone', () => {
    expect(resolveKey({ key: 'r', ctrlKey: true })).toBeNull();
    expect(resolveKey({ key: 'c', metaKey: true })).toBeNull();
    expect(resolveKey({ key: 'n', altKey: true })).toBeNull();
    expect(resolveKey({ key: 'x' })).toBeNull();
    expect(resolveKey({ key: 'ArrowLeft' })).toBeNull();
    expect(resolveKey({ key: ' ', defaultPrevented: true })).toBeNull();
  });

  it('never fires while the user types in a field', () => {
    for (const tagName of ['INPUT', 'SELECT', 'TEXTAREA', 'input'])
      expect(resolveKey({ key: 'c', target: { tagName } })).toBeNull();
    expect(resolveKey({ key: ' ', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(resolveKey({ key: 'c', target: { tagName: 'BUTTON' } })).toEqual({ kind: 'crash' });
    expect(resolveKey({ key: 'c', target: { tagName: 'BODY' } })).toEqual({ kind: 'crash' });
  });
});

describe('isTypingTarget', () => {
  it('is false for non-elements', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(undefined)).toBe(false);
    expect(isTypingTarget('INPUT')).toBe(false);
  });
});

describe('KEY_MAP', () => {
  it('binds no key twice', () => {
    const keys = KEY_MAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names every action once', () => {
    const kinds = KEY_MAP.map((b) => b.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});

describe('selectionTargets', () => {
  it('puts the services in canvas order, then the broker', () => {
    expect(selectionTargets(['broker', 'shipping', 'order', 'inventory', 'payment'])).toEqual([
      'order',
      'payment',
      'inventory',
      'shipping',
      'broker',
    ]);
  });

  it('gives 5 to the orchestrator when there is one, the broker moving to 6', () => {
    const targets = selectionTargets(['broker', 'order', 'payment', 'inventory', 'shipping', 'orchestrator']);
    expect(targets[4]).toBe('orchestrator');
    expect(targets[5]).toBe('broker');
    expect(selectKeysLabel(targets)).toBe('1–6');
  });

  it('is empty when the run has no processes (it did not start)', () => {
    expect(selectionTargets([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { keyToAction } from './keys.ts';

describe('briefing keys', () => {
  it('steps forward with the keys clickers send', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' '])
      expect(keyToAction(key)).toEqual({ type: 'next' });
  });
  it('steps back with the reverse keys', () => {
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp'])
      expect(keyToAction(key)).toEqual({ type: 'previous' });
  });
  it('maps the presenter shortcuts', () => {
    expect(keyToAction('Home')).toEqual({ type: 'first' });
    expect(keyToAction('End')).toEqual({ type: 'last' });
    expect(keyToAction('Enter')).toEqual({ type: 'enter' });
    expect(keyToAction('Escape')).toEqual({ type: 'exit' });
    expect(keyToAction('f')).toEqual({ type: 'fullscreen' });
    expect(keyToAction('F')).toEqual({ type: 'fullscreen' });
    expect(keyToAction('l')).toEqual({ type: 'language' });
    expect(keyToAction('b')).toEqual({ type: 'blank' });
    expect(keyToAction('.')).toEqual({ type: 'blank' });
    expect(keyToAction('a')).toEqual({ type: 'resume' });
  });
  it('collects digits for a jump and ignores other keys', () => {
    expect(keyToAction('7')).toEqual({ type: 'digit', digit: 7 });
    expect(keyToAction('0')).toEqual({ type: 'digit', digit: 0 });
    for (const key of ['x', 'Shift', 'Tab', 'F5', '']) expect(keyToAction(key)).toBeNull();
  });
});

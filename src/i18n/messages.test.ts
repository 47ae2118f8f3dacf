import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages.ts';
import { translate } from './translate.ts';

describe('UI messages', () => {
  it('has every key in both languages, non-empty', () => {
    const zhKeys = Object.keys(MESSAGES.zh).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys) {
      expect(MESSAGES.zh[key as keyof typeof MESSAGES.zh].trim()).not.toBe('');
      expect(MESSAGES.en[key as keyof typeof MESSAGES.en].trim()).not.toBe('');
    }
  });

  it('fills placeholders as plain text', () => {
    expect(translate('en', 'park.notFound.body', { id: '<img src=x>' })).toContain('“<img src=x>”');
  });
});

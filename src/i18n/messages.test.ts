import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages.ts';
import { PAGE_MESSAGES } from './page-messages.ts';
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

  it('has every on-demand page key in both languages, none also in the core set, and translates it once loaded', () => {
    const zhKeys = Object.keys(PAGE_MESSAGES.zh).sort();
    expect(Object.keys(PAGE_MESSAGES.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys) expect(Object.hasOwn(MESSAGES.zh, key)).toBe(false);
    const key = zhKeys[0] as keyof typeof PAGE_MESSAGES.zh;
    expect(translate('en', key)).toBe(PAGE_MESSAGES.en[key]);
  });

  it('fills placeholders as plain text', () => {
    expect(translate('en', 'park.notFound.body', { id: '<img src=x>' })).toContain('“<img src=x>”');
  });
});

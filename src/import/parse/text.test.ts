import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './text.ts';

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      text: 'a',
      encoding: 'utf-8',
      bom: true,
    });
  });
  it('falls back to GBK when the bytes are not UTF-8', () => {
    // 广州 in GBK
    expect(decodeText(new Uint8Array([0xb9, 0xe3, 0xd6, 0xdd]))).toEqual({
      text: '广州',
      encoding: 'gbk',
      bom: false,
    });
  });
  it('keeps UTF-8 and honours a forced encoding', () => {
    const utf8 = new TextEncoder().encode('广州');
    expect(decodeText(utf8).encoding).toBe('utf-8');
    expect(decodeText(utf8, 'gbk').encoding).toBe('gbk');
  });
  it('tells binary from text', () => {
    expect(looksBinary(new Uint8Array([0x7b, 0x00, 0x7d]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('name,lng\n'))).toBe(false);
  });
});

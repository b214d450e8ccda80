import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes(bytes)', () => {
  it('decodes plain UTF-8', () => {
    expect(decodeBytes(utf8('政府信息公开'))).toEqual({ text: '政府信息公开', encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('一、总体情况')]);
    expect(decodeBytes(b)).toEqual({ text: '一、总体情况', encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8 ("政府" = D5 FE B8 AE)', () => {
    expect(decodeBytes(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]))).toEqual({ text: '政府', encoding: 'gb18030' });
  });

  it('decodes a longer GB18030 text with ASCII mixed in', () => {
    // "2020年" : 32 30 32 30 C4 EA
    const r = decodeBytes(new Uint8Array([0x32, 0x30, 0x32, 0x30, 0xc4, 0xea, 0xd5, 0xfe, 0xb8, 0xae]));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe('2020年政府');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    // 政 U+653F, 府 U+5E9C
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x3f, 0x65, 0x9c, 0x5e]))).toEqual({ text: '政府', encoding: 'utf-16le' });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0x65, 0x3f, 0x5e, 0x9c]))).toEqual({ text: '政府', encoding: 'utf-16be' });
  });

  it('keeps UTF-8 when a file is cut inside a multi-byte character', () => {
    const b = utf8('政府信息公开');
    const r = decodeBytes(b.subarray(0, b.length - 1));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith('政府信息公')).toBe(true);
  });

  it('reports empty input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'empty' });
  });
});

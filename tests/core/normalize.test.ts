import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/index.ts';

describe('normalizeText(text)', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
  it('converts full-width digits, letters and number signs to ASCII', () => {
    expect(normalizeText('１２３４５６７８９０ＡＢｃ＋２９９－８１２．５％')).toBe('1234567890ABc+299-812.5%');
  });
  it('keeps brackets and Chinese punctuation as written', () => {
    expect(normalizeText('（一）予以公开，(二)部分公开')).toBe('（一）予以公开，(二)部分公开');
  });
  it('strips NULs, control characters and BOMs but keeps tabs and newlines', () => {
    expect(normalizeText('\ufeff政\u0000府\u0007\t信息\n')).toBe('政府\t信息\n');
  });
  it('maps unusual spaces to ASCII spaces', () => {
    expect(normalizeText('a\u3000b\u00a0c\u2002d')).toBe('a b c d');
  });
  it('replaces lone surrogates', () => {
    expect(normalizeText('a\ud800b')).toBe('a\ufffdb');
  });
});

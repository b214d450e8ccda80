import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { reportIdOf, sha256Hex } from '../../src/core/index.ts';
import { mulberry32, seedBytes } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex(bytes)', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on random lengths around block boundaries', () => {
    const rnd = mulberry32(7);
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const b = new Uint8Array(n).map(() => Math.floor(rnd() * 256));
      expect(sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'));
    }
  });

  it('reportIdOf is the first 16 hex characters of the digest of the raw bytes', () => {
    const { bytes } = seedBytes('003');
    expect(reportIdOf(bytes)).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    expect(reportIdOf(bytes)).toHaveLength(16);
  });
});

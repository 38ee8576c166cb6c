import { murmur3Bytes, murmur3_32 } from '../../../src/policy/murmur3';

describe('murmur3_32 (x86_32, UTF-8 bytes)', () => {
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['hello', 0, 0x248bfa47],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aa', 0x9747b28c, 0x5d211726],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ])('hashes %j with seed %d', (text, seed, expected) => {
    expect(murmur3_32(text, seed)).toBe(expected);
  });

  it('hashes a string exactly like its UTF-8 bytes', () => {
    for (const text of ['', 'a', 'salt:12345', 'ünïcödé', '日本語のテキスト', '🎬 film']) {
      expect(murmur3_32(text)).toBe(murmur3Bytes(Buffer.from(text, 'utf8')));
    }
  });

  it('returns unsigned 32-bit integers', () => {
    for (let i = 0; i < 1000; i++) {
      const hash = murmur3_32(`device-${i}`);
      expect(Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff).toBe(true);
    }
  });
});

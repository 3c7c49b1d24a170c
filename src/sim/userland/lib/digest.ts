import { utf8Bytes } from './quote.ts';

/**
 * SHA-256 (FIPS 180-4) and MD5 (RFC 1321) over the bytes of a file, in plain
 * TypeScript: src/sim has no Node crypto and no Web Crypto (it is synchronous
 * and DOM-free). A file's bytes are its text in UTF-8, as stat(2)'s size counts
 * them. Tested against coreutils' sha256sum and md5sum (test/sim/userland/digest).
 */

const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The message padded to a multiple of 64 bytes with its bit length (big- or little-endian). */
function pad(bytes: readonly number[], bigEndian: boolean): Uint8Array {
  const length = bytes.length;
  const total = Math.ceil((length + 9) / 64) * 64;
  const block = new Uint8Array(total);
  block.set(bytes);
  block[length] = 0x80;
  const bits = length * 8;
  const high = Math.floor(bits / 0x100000000);
  const low = bits >>> 0;
  for (let i = 0; i < 4; i++) {
    if (bigEndian) {
      block[total - 1 - i] = (low >>> (8 * i)) & 0xff;
      block[total - 5 - i] = (high >>> (8 * i)) & 0xff;
    } else {
      block[total - 8 + i] = (low >>> (8 * i)) & 0xff;
      block[total - 4 + i] = (high >>> (8 * i)) & 0xff;
    }
  }
  return block;
}

function hex(words: Uint32Array, bigEndian: boolean): string {
  let text = '';
  for (const word of words)
    for (let i = 0; i < 4; i++) {
      const shift = bigEndian ? 24 - 8 * i : 8 * i;
      text += ((word >>> shift) & 0xff).toString(16).padStart(2, '0');
    }
  return text;
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

export function sha256Bytes(bytes: readonly number[]): string {
  const block = pad(bytes, true);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < block.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + 4 * i;
      w[i] =
        ((block[j] as number) << 24) |
        ((block[j + 1] as number) << 16) |
        ((block[j + 2] as number) << 8) |
        (block[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16] as number) + s0 + (w[i - 7] as number) + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[] as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + (K256[i] as number) + (w[i] as number)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] as number) + (add[i] as number);
  }
  return hex(h, true);
}

/** MD5's per-round shift amounts and sine-derived constants (RFC 1321 §3.4). */
const SHIFTS = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
  20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
  10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];
const KMD5 = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32));

export function md5Bytes(bytes: readonly number[]): string {
  const block = pad(bytes, false);
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const m = new Uint32Array(16);
  for (let offset = 0; offset < block.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + 4 * i;
      m[i] =
        (block[j] as number) |
        ((block[j + 1] as number) << 8) |
        ((block[j + 2] as number) << 16) |
        ((block[j + 3] as number) << 24);
    }
    let a = h[0] as number;
    let b = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + (KMD5[i] as number) + (m[g] as number)) >>> 0;
      a = d;
      d = c;
      c = b;
      const s = SHIFTS[i] as number;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
  }
  return hex(h, false);
}

export type DigestName = 'sha256' | 'md5';

/** The digest of a file's text as bytes (UTF-8), in lower-case hex. */
export function digestOf(algorithm: DigestName, text: string): string {
  const bytes = utf8Bytes(text);
  return algorithm === 'sha256' ? sha256Bytes(bytes) : md5Bytes(bytes);
}

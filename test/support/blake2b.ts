/**
 * BLAKE2b (RFC 7693) with a chosen digest length. Warehouse names files by blake2_256, which Node's
 * crypto cannot compute: its blake2b512 has a fixed output length, and the length is an input of the
 * hash, so truncating blake2b512 gives a different value. 64-bit words are kept as (low, high) pairs.
 */

// The SHA-512 initial values, as [low, high] 32-bit halves.
const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

const TWO_32 = 0x1_0000_0000;

/** v[a] += lo/hi as a 64-bit sum; the Uint32Array store drops the overflow. */
function add(v: Uint32Array, a: number, lo: number, hi: number): void {
  const low = v[2 * a] + lo;
  v[2 * a + 1] = v[2 * a + 1] + hi + (low >= TWO_32 ? 1 : 0);
  v[2 * a] = low;
}

/** v[x] = rotr64(v[x] ^ v[y], n) for n in 16, 24, 32, 63. */
function xorRotate(v: Uint32Array, x: number, y: number, n: number): void {
  const lo = v[2 * x] ^ v[2 * y];
  const hi = v[2 * x + 1] ^ v[2 * y + 1];
  if (n === 32) {
    v[2 * x] = hi;
    v[2 * x + 1] = lo;
  } else if (n === 63) {
    v[2 * x] = (lo << 1) | (hi >>> 31);
    v[2 * x + 1] = (hi << 1) | (lo >>> 31);
  } else {
    v[2 * x] = (lo >>> n) | (hi << (32 - n));
    v[2 * x + 1] = (hi >>> n) | (lo << (32 - n));
  }
}

function mix(v: Uint32Array, m: Uint32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  add(v, a, v[2 * b], v[2 * b + 1]);
  add(v, a, m[2 * x], m[2 * x + 1]);
  xorRotate(v, d, a, 32);
  add(v, c, v[2 * d], v[2 * d + 1]);
  xorRotate(v, b, c, 24);
  add(v, a, v[2 * b], v[2 * b + 1]);
  add(v, a, m[2 * y], m[2 * y + 1]);
  xorRotate(v, d, a, 16);
  add(v, c, v[2 * d], v[2 * d + 1]);
  xorRotate(v, b, c, 63);
}

function compress(h: Uint32Array, block: Uint8Array, counter: number, last: boolean): void {
  const v = new Uint32Array(32);
  v.set(h, 0);
  v.set(IV, 16);
  v[24] ^= counter % TWO_32;
  v[25] ^= Math.floor(counter / TWO_32);
  if (last) {
    v[28] = ~v[28];
    v[29] = ~v[29];
  }
  const m = new Uint32Array(32);
  const view = new DataView(block.buffer, block.byteOffset, 128);
  for (let i = 0; i < 32; i++) m[i] = view.getUint32(4 * i, true);
  for (let round = 0; round < 12; round++) {
    const s = SIGMA[round % 10];
    mix(v, m, 0, 4, 8, 12, s[0], s[1]);
    mix(v, m, 1, 5, 9, 13, s[2], s[3]);
    mix(v, m, 2, 6, 10, 14, s[4], s[5]);
    mix(v, m, 3, 7, 11, 15, s[6], s[7]);
    mix(v, m, 0, 5, 10, 15, s[8], s[9]);
    mix(v, m, 1, 6, 11, 12, s[10], s[11]);
    mix(v, m, 2, 7, 8, 13, s[12], s[13]);
    mix(v, m, 3, 4, 9, 14, s[14], s[15]);
  }
  for (let i = 0; i < 16; i++) h[i] = h[i] ^ v[i] ^ v[i + 16];
}

/** The unkeyed BLAKE2b digest of `data`, `outputBytes` long (1..64), as lowercase hex. */
export function blake2bHex(data: Uint8Array, outputBytes = 32): string {
  if (!Number.isInteger(outputBytes) || outputBytes < 1 || outputBytes > 64)
    throw new Error(`BLAKE2b output length must be 1..64 bytes, not ${outputBytes}`);
  const h = new Uint32Array(IV);
  h[0] = h[0] ^ 0x01010000 ^ outputBytes;
  const block = new Uint8Array(128);
  let offset = 0;
  while (data.length - offset > 128) {
    compress(h, data.subarray(offset, offset + 128), offset + 128, false);
    offset += 128;
  }
  block.set(data.subarray(offset));
  compress(h, block, data.length, true);
  const out = Buffer.alloc(64);
  for (let i = 0; i < 16; i++) out.writeUInt32LE(h[i], 4 * i);
  return out.subarray(0, outputBytes).toString('hex');
}

export function blake2b256Hex(data: Uint8Array): string {
  return blake2bHex(data, 32);
}

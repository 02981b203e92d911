/**
 * A small seeded PRNG: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32, with uniform and standard normal draws (Marsaglia's polar
 * method). Each Monte Carlo trajectory gets its own stream from
 * (seed, trajectory), so results do not depend on how work is split.
 */

function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

export class Xoshiro128 {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = Number.NaN;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts the generator on the stream (seed, stream). */
  reseed(seed: number, stream = 0): void {
    let s = (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0;
    [s, this.a] = splitmix32(s);
    [s, this.b] = splitmix32(s);
    [s, this.c] = splitmix32(s);
    [s, this.d] = splitmix32(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    this.spare = Number.NaN;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

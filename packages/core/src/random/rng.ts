/**
 * The one seeded PRNG of Mirai: xoshiro128** (Blackman & Vigna) seeded
 * through splitmix32, with uniform and standard normal draws (Marsaglia's
 * polar method). Each Monte Carlo trajectory gets its own stream from
 * (seed, trajectory), so results do not depend on how work is split; the
 * survey's bootstraps and Shapley orders use `createRng(seed)` (53-bit
 * uniforms and integers from the same generator).
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
    this.seedState((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0);
  }

  /** Starts from splitmix32 state `state` directly (no stream mixing; see `createRng`). */
  seedState(state: number): void {
    let s = state | 0;
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

  /** Uniform on [0, 1), 32 bits of resolution (fast; the Monte Carlo kernel's draws). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on [0, 1) with 53 bits of resolution (two draws). */
  uniform53(): number {
    return (this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11)) / 2 ** 53;
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

/**
 * The first `count` normals of stream (seed, stream) into out[offset…]: the
 * same values as `reseed(seed, stream)` followed by `count` calls of
 * `normal()`, drawn in one go with the generator's state in locals.
 */
export function normalsInto(
  seed: number,
  stream: number,
  out: Float64Array,
  offset: number,
  count: number,
): void {
  let s = (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0;
  s = (s + 0x9e3779b9) | 0;
  let a = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let b = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let c = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  let d = mix32(s);
  if ((a | b | c | d) === 0) a = 1;
  let i = 0;
  while (i < count) {
    let u: number;
    let v: number;
    let w: number;
    do {
      const x = (Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25);
      u = 2 * ((Math.imul(x, 9) >>> 0) / 4294967296) - 1;
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const y = (Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25);
      v = 2 * ((Math.imul(y, 9) >>> 0) / 4294967296) - 1;
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      w = u * u + v * v;
    } while (w >= 1 || w === 0);
    const f = Math.sqrt((-2 * Math.log(w)) / w);
    out[offset + i] = u * f;
    i++;
    if (i < count) {
      out[offset + i] = v * f;
      i++;
    }
  }
}

/** splitmix32's output function (the state advance is done by the caller). */
function mix32(s: number): number {
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A simple seeded generator: uniforms in [0, 1) and integers in [0, n), reproducible from `seed`. */
export interface Rng {
  /** Uniform in [0, 1) (53 bits). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  const g = new Xoshiro128(0);
  g.seedState(seed >>> 0);
  const next = () => g.uniform53();
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The Monte Carlo lane kernel in WebAssembly SIMD (lanes.wat, compiled by
 * scripts/build-wasm.js): the same eight-lane step as runLanes, with the
 * same double operations in the same order, so the totals are bit-for-bit
 * those of the TypeScript kernel (decision 0129). One instance, with its own
 * memory, per flat set; the shocks are written straight into that memory.
 * Where WebAssembly or its SIMD is missing, `wasmLanes` gives undefined and
 * the TypeScript kernel runs.
 */
import { LANES, type LaneShocks } from './batch-ipss';
import type { FlatIpss } from './flat-ipss';
import { WASM_HEX } from './lanes-wasm-bytes';

/** The part of the WebAssembly API used here (the core is typed without DOM or Node types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
type RunFn = (...args: number[]) => number;

export interface WasmLanes {
  /** The shocks of the next group, views on the module's memory (filled by the caller). */
  sh: LaneShocks;
  /** Trajectories a block of staged totals holds. */
  capacity: number;
  /**
   * Runs `count` ≤ LANES trajectories on the shocks in `sh` into the staged block at `slot`
   * (slot + LANES ≤ capacity); returns how many were guarded, or −1 (nothing staged) when a
   * raking ratio could not be formed: the caller then runs runLanes.
   */
  run(count: number, slot: number): number;
  /** Groups given back to the TypeScript kernel so far. */
  declined: number;
  /** Copies the first `count` staged trajectories to out[(area · years + year) · T + t0 + i]. */
  flush(t0: number, count: number, T: number, out: Float64Array): void;
}

/** Staged trajectories: the totals go to the caller's array in runs of this many (sequential copies). */
const CAPACITY = 512;

let compiled: object | null | undefined;

/** The compiled module, once per thread; null when WebAssembly SIMD is not available. */
function wasmModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return compiled;
  const bytes = new Uint8Array(WASM_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(WASM_HEX.slice(2 * i, 2 * i + 2), 16);
  try {
    if (api.validate(bytes)) compiled = new api.Module(bytes);
  } catch {
    // e.g. a browser's main thread refusing synchronous compilation: the TypeScript kernel runs.
  }
  return compiled;
}

/** An instance of the kernel laid out for F, or undefined where WebAssembly SIMD is not available. */
export function wasmLanes(F: FlatIpss): WasmLanes | undefined {
  const mod = wasmModule();
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!mod || !api) return undefined;
  const inst = new api.Instance(mod, {});
  const memory = inst.exports.memory as WasmMemory;
  const run = inst.exports.run as RunFn;
  const A = F.areas;
  const K = F.periods;
  const len = 2 * F.n;
  const Y = K + 1;
  const cells = A * K * len;
  // Byte offsets, each a multiple of 16.
  let top = 0;
  const take = (doubles: number) => {
    const at = top;
    top += Math.ceil(doubles / 2) * 16;
    return at;
  };
  const rates = take(3 * cells);
  const cwr = take(A * K);
  const ms = take(A * K);
  const base = take(A * len);
  const fert = take(K * LANES);
  const mort = take(K * LANES);
  const mig = take(K * A * LANES);
  const w = take((2 * (A * len + 1) + 2 * len) * LANES);
  const out = take(A * Y * CAPACITY);
  const need = Math.ceil(top / 65536) - memory.buffer.byteLength / 65536;
  if (need > 0) memory.grow(need);
  const buf = memory.buffer;
  const f64 = (at: number, length: number) => new Float64Array(buf, at, length);
  const R = f64(rates, 3 * cells);
  for (let i = 0; i < cells; i++) {
    R[3 * i] = F.deathProb[i]!;
    R[3 * i + 1] = F.migration[i]!;
    R[3 * i + 2] = F.added[i]!;
  }
  f64(cwr, A * K).set(F.cwr);
  f64(ms, A * K).set(F.maleShare);
  f64(base, A * len).set(F.base);
  const staged = f64(out, A * Y * CAPACITY);
  return {
    sh: { fert: f64(fert, K * LANES), mort: f64(mort, K * LANES), mig: f64(mig, K * A * LANES) },
    capacity: CAPACITY,
    declined: 0,
    run(count, slot) {
      const lanes = run(A, K, F.n, rates, cwr, ms, base, fert, mort, mig, w, out + 8 * slot, 8 * CAPACITY);
      if (lanes < 0) {
        this.declined++;
        return -1;
      }
      let guarded = 0;
      for (let b = 0; b < count; b++) guarded += (lanes >>> b) & 1;
      return guarded;
    },
    flush(t0, count, T, o) {
      for (let s = 0; s < A * Y; s++) o.set(staged.subarray(s * CAPACITY, s * CAPACITY + count), s * T + t0);
    },
  };
}

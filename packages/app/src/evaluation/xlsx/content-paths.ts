/**
 * Reading and writing sheet content by path (`purpose.intent`,
 * `contributingProjects[1].weight`), and comparing two contents while
 * ignoring empty optional values, so an unchanged worksheet is a no-op.
 */

const keysOf = (path: string) => path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');

export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of keysOf(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Sets a value (undefined deletes it), creating objects and array slots on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let o: Record<string, unknown> = obj;
  keys.slice(0, -1).forEach((k, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    if (o[k] === undefined || o[k] === null || typeof o[k] !== 'object') o[k] = nextIsIndex ? [] : {};
    o = o[k] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/** JSON with sorted keys, dropping undefined, empty strings and empty objects. */
export function canonical(value: unknown): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const c = clean((v as Record<string, unknown>)[k]);
        if (c === undefined || c === '') continue;
        if (c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
        out[k] = c;
      }
      return out;
    }
    return typeof v === 'string' ? v.trim() : v;
  };
  return JSON.stringify(clean(value));
}

export const sameContent = (a: unknown, b: unknown) => canonical(a) === canonical(b);

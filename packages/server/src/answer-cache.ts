/**
 * Public answers cached by what they show: a GET from someone without an
 * account (no session cookie, no token) to a public page or public API read is
 * computed once per published state — keyed by the municipality the request
 * is bound to (its host name chose it), the host the request named, the
 * language cookie and the path with its query — and then served
 * from memory with a strong ETag (304 on If-None-Match) and its gzip and
 * brotli forms, each computed once. Only answers of routes the policy table
 * declares public are kept (the gate answered them to the public).
 * Each municipality has its own published state (decision 0147): a
 * successful write through this server clears that municipality's answers at
 * once and no other's, and the newest entry of its audit trail (every write is
 * audited, also by the CLI or another server process; row-level security shows
 * each municipality its own) is compared before answering (one indexed query;
 * `revalidateMs` trusts a checked state for longer, and then a hit does no
 * database work at all: decision 0126).
 * Answers that are not 200, set a cookie other than the language, or say
 * no-store (staff pages) are never kept; staff paths are never looked up.
 * The built web assets (hashed names, served as immutable) are kept once,
 * for everyone, with their compressed forms (`AnswerCache.asset`).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { policyEntry } from '@mirai/api';
import { type AppContext, boundMunicipality, isDatabaseUnavailable, registryGeneration } from '@mirai/app';
import { LANG_COOKIE } from '@mirai/web';
import type { RouteSeen } from './request-log';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  etag: string;
  gzip?: Uint8Array;
  br?: Uint8Array;
  /** Whether compressed forms are offered (text of 1 KiB or more). */
  compressible: boolean;
  /** Ready-made header lists per encoding, for writing straight to a socket (fast-answers.ts). */
  wire: Partial<Record<Encoding, string[]>>;
}

export interface AnswerCacheOptions {
  /** How long a checked state is trusted before the newest audit entry is compared again (default 0: every request). */
  revalidateMs?: number;
  /** Most answers kept per cache (default 2,000; the oldest go first). */
  maxEntries?: number;
}

/** A store shared by servers (tests serve two municipalities from one store). */
export class AnswerStore {
  readonly entries = new Map<string, Entry>();
  /** Answers written straight to the socket from this store (fast-answers.ts). */
  socketAnswers = 0;
  constructor(readonly maxEntries = 2000) {}
  set(key: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }
  /** Drops the answers of one municipality (or all). */
  clear(prefix?: string): void {
    if (prefix === undefined) this.entries.clear();
    else for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

const NEVER =
  /^\/(staff|api\/v1\/(staff|auth|users|tokens|audit|jobs|healthz|readyz)|assets|metrics|healthz|readyz)(\/|$)/;
const SESSION = /(^|;\s*)(__Host-)?mirai_session=/;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|ld\+json|problem\+json))/;
const LANG = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`);

export function langCookie(header: string | null | undefined): string {
  const m = header ? LANG.exec(header) : null;
  return m?.[1] ?? '';
}

/**
 * The host part of the key: the Host header and, when a proxy sent them, the
 * forwarded host and scheme (what a page may say about where it is served).
 */
export function hostKey(
  host: string | null | undefined,
  forwardedHost: string | null | undefined,
  forwardedProto: string | null | undefined,
): string {
  const h = (host ?? '').toLowerCase();
  return forwardedHost || forwardedProto
    ? `${h} ${(forwardedHost ?? '').toLowerCase()} ${forwardedProto ?? ''}`
    : h;
}

/** Which encoding of an entry to send for an Accept-Encoding header. */
export function chooseEncoding(entry: Entry, accept: string | null | undefined): Encoding {
  if (!entry.compressible || !accept) return 'identity';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

export const etagFor = (entry: Entry, encoding: Encoding) =>
  encoding === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${encoding}"`;

/** Whether an If-None-Match header names this ETag. */
export const notModified = (inm: string | null | undefined, etag: string) =>
  !!inm && inm.split(/\s*,\s*/).some((t) => t === etag || t === '*');

/**
 * Compression levels. The first request for an answer in an encoding waits for its compression
 * (a cold answer pays it), so these are the levels past which bytes hardly shrink and time grows
 * fast (decision 0153): on a 450 KB indicator list brotli 5 is 2.8% larger than 9 at a quarter of
 * the time, gzip 6 5% larger than 9 at about half.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

const brotliOptions = (entry: Entry) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.byteLength,
  },
});
const brotliLater = promisify(brotliCompress);
const gzipLater = promisify(gzip);

/** The bytes of an entry in an encoding, compressed once when first asked for. */
export function bodyFor(entry: Entry, encoding: Encoding): Uint8Array {
  if (encoding === 'br') {
    entry.br ??= brotliCompressSync(entry.body, brotliOptions(entry));
    return entry.br;
  }
  if (encoding === 'gzip') {
    entry.gzip ??= gzipSync(entry.body, { level: GZIP_LEVEL });
    return entry.gzip;
  }
  return entry.body;
}

const compressing = new WeakMap<Entry, Partial<Record<Encoding, Promise<void>>>>();

/**
 * Makes an entry's bytes in an encoding on zlib's thread pool, once (the same bytes `bodyFor`
 * would make), so that the server's thread answers other requests meanwhile: the full path awaits
 * this before answering; the socket path only ever finds them made (decision 0153).
 */
export function compressedLater(entry: Entry, encoding: Encoding): Promise<void> | undefined {
  if (encoding === 'identity' || (encoding === 'br' ? entry.br : entry.gzip)) return undefined;
  const pending = compressing.get(entry) ?? {};
  compressing.set(entry, pending);
  pending[encoding] ??= (
    encoding === 'br'
      ? brotliLater(entry.body, brotliOptions(entry))
      : gzipLater(entry.body, { level: GZIP_LEVEL })
  ).then((bytes) => {
    const made = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (encoding === 'br') entry.br ??= made;
    else entry.gzip ??= made;
  });
  return pending[encoding];
}

/** The headers of an entry in an encoding (ETag, Vary, Content-Encoding, Content-Length), made once. */
export function headersFor(entry: Entry, encoding: Encoding): string[] {
  const ready = entry.wire[encoding];
  if (ready) return ready;
  const body = bodyFor(entry, encoding);
  const list: string[] = [];
  for (const [k, v] of entry.headers) if (k !== 'vary') list.push(k, v);
  const vary = entry.headers.filter(([k]) => k === 'vary').map(([, v]) => v);
  list.push('vary', [...vary, 'Accept-Encoding, Cookie'].join(', '));
  list.push('etag', etagFor(entry, encoding));
  if (encoding !== 'identity') list.push('content-encoding', encoding);
  list.push('content-length', String(body.byteLength));
  entry.wire[encoding] = list;
  return list;
}

/** Whether the policy table declares the route that answered public (the gate let the public through). */
export function publicRoute(route: string | undefined): boolean {
  return route !== undefined && policyEntry('GET', route)?.policy === 'public';
}

/** Keeps an answer: its identity bytes, headers and strong ETag. */
export async function entryOf(res: Response): Promise<Entry> {
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = [...res.headers].filter(([k]) => k !== 'content-length' && k !== 'etag');
  if (!headers.some(([k]) => k === 'cache-control')) headers.push(['cache-control', 'no-cache']);
  const type = headers.find(([k]) => k === 'content-type')?.[1] ?? '';
  return {
    status: res.status,
    headers,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    compressible: body.byteLength >= 1024 && COMPRESSIBLE.test(type),
    wire: {},
  };
}

/** Whether a request may be answered from the cache. */
export function cacheable(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers.has('authorization')) return false;
  if (SESSION.test(req.headers.get('cookie') ?? '')) return false;
  return !NEVER.test(new URL(req.url).pathname);
}

/** Whether a path and its query is one of the built web assets. */
export const isAsset = (path: string) => path.startsWith('/assets/');

/** What the cache knows of one municipality's published state (decision 0147). */
interface ScopeState {
  /** The newest audit entry id seen for it (undefined: not checked yet, or a write since). */
  mark: string | undefined;
  checkedAt: number;
  /** Bumped whenever its state may have changed: an answer computed across a bump is not kept. */
  generation: number;
  checking: Promise<string> | undefined;
}

/** The municipality the request is bound to ('' for global work: a database without any). */
const scopeNow = () => boundMunicipality() ?? '';

/** An answer computed for a key and kept, with the state it was computed in and the route that answered. */
interface Computed {
  entry: Entry;
  generation: number;
  route?: string;
}

export class AnswerCache {
  /** Answers being computed, by key: concurrent misses of one answer render it once (single flight). */
  private readonly computing = new Map<string, Promise<Computed | undefined>>();
  /** Per municipality: its own mark, trust window and generation (a write in one leaves the others). */
  private readonly states = new Map<string, ScopeState>();
  /** Host key → the municipality the full path last answered it for, and when (for the socket path). */
  private readonly hosts = new Map<string, { code: string; at: number; registry: number }>();
  /** The built assets (immutable: hashed names), kept for everyone. */
  readonly assets = new Map<string, Entry>();

  constructor(
    private readonly ctx: AppContext,
    readonly store: AnswerStore = new AnswerStore(),
    private readonly options: AnswerCacheOptions = {},
  ) {}

  private stateOf(code: string): ScopeState {
    let s = this.states.get(code);
    if (!s) {
      s = { mark: undefined, checkedAt: 0, generation: 0, checking: undefined };
      this.states.set(code, s);
    }
    return s;
  }

  /** A write went through for the bound municipality: what its public sees may have changed (only its answers go). */
  invalidate(code: string = scopeNow()): void {
    const s = this.stateOf(code);
    this.store.clear(`${code}\u0000`);
    s.mark = undefined;
    s.checkedAt = 0;
    s.generation++;
  }

  private trusted(code: string): boolean {
    const trust = this.options.revalidateMs ?? 0;
    const s = this.states.get(code);
    return trust > 0 && s?.mark !== undefined && Date.now() - s.checkedAt < trust;
  }

  /**
   * The municipality a host key was last answered for, when both that answer
   * and the municipality's checked state are within `revalidateMs`; else
   * undefined: then only the full path (which resolves the host and checks) may answer.
   */
  trustedState(host: string): string | undefined {
    const h = this.hosts.get(host);
    if (!h || h.registry !== registryGeneration()) return undefined;
    if (Date.now() - h.at >= (this.options.revalidateMs ?? 0)) return undefined;
    return this.trusted(h.code) ? h.code : undefined;
  }

  /** The bound municipality's published state, re-checked when its newest audit entry changed. */
  private state(code: string): Promise<string> {
    if (this.trusted(code)) return Promise.resolve(code);
    // With a trust window, requests arriving during a check share it; without, each checks.
    if ((this.options.revalidateMs ?? 0) <= 0) return this.check(code);
    const s = this.stateOf(code);
    s.checking ??= this.check(code).finally(() => {
      s.checking = undefined;
    });
    return s.checking;
  }

  private async check(code: string): Promise<string> {
    const s = this.stateOf(code);
    const started = Date.now();
    const generation = s.generation;
    let row: { m: unknown } | undefined;
    try {
      // Row-level security: the newest entry of the bound municipality's own audit trail.
      row = await this.ctx.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst();
    } catch (error) {
      // The database is away: nothing can be published meanwhile (every process writes to it),
      // so the answers kept for the last known state are still the published ones (decision 0141).
      if (s.mark !== undefined && isDatabaseUnavailable(error)) return code;
      throw error;
    }
    const mark = String(row?.m ?? '');
    // A write through this server while checking: leave the state unchecked, the next request checks.
    if (generation !== s.generation) return code;
    if (mark !== s.mark) {
      this.store.clear(`${code}\u0000`);
      s.mark = mark;
      s.generation++;
    }
    s.checkedAt = started;
    return code;
  }

  /** The key of a cached answer. */
  static key(code: string, host: string, lang: string, pathAndQuery: string): string {
    return `${code}\u0000${host}\u0000${lang}\u0000${pathAndQuery}`;
  }

  /**
   * Answers a request: from the cache, or through `inner` (then kept when it
   * may be); `seen` is filled by the inner application with the route that answered.
   */
  async handle(
    req: Request,
    inner: (req: Request) => Promise<Response>,
    seen: RouteSeen = {},
  ): Promise<Response> {
    const url = new URL(req.url);
    if ((req.method === 'GET' || req.method === 'HEAD') && isAsset(url.pathname))
      return this.asset(req, url.pathname, inner);
    if (!cacheable(req)) {
      const res = await inner(req);
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && res.status < 400)
        this.invalidate();
      return res;
    }
    const code = await this.state(scopeNow());
    const generation = this.stateOf(code).generation;
    const h = req.headers;
    const host = hostKey(h.get('host') ?? url.host, h.get('x-forwarded-host'), h.get('x-forwarded-proto'));
    // Bounded: any Host header reaches here on a single-municipality install.
    if (!this.hosts.has(host) && this.hosts.size >= this.store.maxEntries) {
      const oldest = this.hosts.keys().next().value;
      if (oldest !== undefined) this.hosts.delete(oldest);
    }
    this.hosts.set(host, { code, at: Date.now(), registry: registryGeneration() });
    const key = AnswerCache.key(code, host, langCookie(h.get('cookie')), `${url.pathname}${url.search}`);
    let entry = this.store.entries.get(key);
    // The same answer already being computed (a cold cache under many clients): wait for it.
    const pending = entry ? undefined : this.computing.get(key);
    if (pending) {
      const shared = await pending;
      if (shared && shared.generation === this.stateOf(code).generation) {
        seen.route ??= shared.route;
        entry = shared.entry;
      }
    }
    if (!entry) {
      // No await between looking for a computation under way and registering this one.
      let share: (kept: Computed | undefined) => void = () => {};
      const first = !this.computing.has(key);
      if (first) this.computing.set(key, new Promise<Computed | undefined>((r) => (share = r)));
      try {
        const res = await inner(identityRequest(req));
        const setCookie = res.headers.get('set-cookie');
        const keep =
          res.status === 200 &&
          publicRoute(seen.route) &&
          !/no-store|private/.test(res.headers.get('cache-control') ?? '') &&
          !res.headers.has('content-encoding') &&
          (setCookie === null || new RegExp(`^${LANG_COOKIE}=[^;,]*(;[^,]*)?$`).test(setCookie));
        if (!keep) return req.method === 'HEAD' ? new Response(null, res) : res;
        entry = await entryOf(res);
        // Kept (and shared) only if no write came through while it was computed (else it may show the old state).
        if (generation === this.stateOf(code).generation) {
          this.store.set(key, entry);
          share({ entry, generation, ...(seen.route ? { route: seen.route } : {}) });
        }
      } finally {
        // Requests that waited for an answer that was not kept compute their own, as before.
        share(undefined);
        if (first) this.computing.delete(key);
      }
    }
    await compressedLater(entry, chooseEncoding(entry, req.headers.get('accept-encoding')));
    return respond(req, entry);
  }

  /** A built asset: the same bytes for everyone, read and compressed once. */
  private async asset(req: Request, path: string, inner: (req: Request) => Promise<Response>) {
    let entry = this.assets.get(path);
    if (!entry) {
      const res = await inner(identityRequest(req));
      if (res.status !== 200 || res.headers.has('content-encoding'))
        return req.method === 'HEAD' ? new Response(null, res) : res;
      entry = await entryOf(res);
      this.assets.set(path, entry);
    }
    await compressedLater(entry, chooseEncoding(entry, req.headers.get('accept-encoding')));
    return respond(req, entry);
  }
}

/** The request as asked for its identity answer (compressed forms are made from it, once). */
function identityRequest(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.delete('accept-encoding');
  headers.delete('if-none-match');
  return new Request(req.url, { method: 'GET', headers });
}

function respond(req: Request, entry: Entry): Response {
  const encoding = chooseEncoding(entry, req.headers.get('accept-encoding'));
  const list = headersFor(entry, encoding);
  const headers = new Headers();
  for (let i = 0; i < list.length; i += 2) headers.append(list[i]!, list[i + 1]!);
  if (notModified(req.headers.get('if-none-match'), etagFor(entry, encoding))) {
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  const body = bodyFor(entry, encoding);
  return new Response(req.method === 'HEAD' ? null : (body as unknown as BodyInit), {
    status: entry.status,
    headers,
  });
}

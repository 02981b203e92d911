/**
 * Public answers cached by what they show: a GET from someone without an
 * account (no session cookie, no token) to a public page or public API read is
 * computed once per published state — keyed by the municipality code of the
 * published plan, the language cookie and the path with its query — and then
 * served from memory with a strong ETag (304 on If-None-Match) and its gzip
 * and brotli forms, each computed once. The state changes when anything is
 * written: a successful write through this server clears the cache at once,
 * and the newest audit entry (every write is audited, also by the CLI or
 * another server process) is compared before answering (one indexed query;
 * `revalidateMs` can trust a checked state for longer).
 * Answers that are not 200, set a cookie other than the language, or say
 * no-store (staff pages) are never kept; staff paths are never looked up.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type AppContext, getPublishedPlan, isDatabaseUnavailable } from '@mirai/app';
import { LANG_COOKIE } from '@mirai/web';

interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  etag: string;
  gzip?: Uint8Array;
  br?: Uint8Array;
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

function cookieValue(header: string | null, name: string): string {
  const m = header ? new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(header) : null;
  return m?.[1] ?? '';
}

/** Whether a request may be answered from the cache. */
export function cacheable(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers.has('authorization')) return false;
  if (SESSION.test(req.headers.get('cookie') ?? '')) return false;
  return !NEVER.test(new URL(req.url).pathname);
}

export class AnswerCache {
  private checkedAt = 0;
  private mark: string | undefined;
  private municipality: string | undefined;

  constructor(
    private readonly ctx: AppContext,
    readonly store: AnswerStore = new AnswerStore(),
    private readonly options: AnswerCacheOptions = {},
  ) {}

  /** A write went through: what the public sees may have changed. */
  invalidate(): void {
    if (this.municipality !== undefined) this.store.clear(`${this.municipality}\u0000`);
    this.municipality = undefined;
    this.checkedAt = 0;
  }

  /** The published state: municipality code, re-read when the newest audit entry changed. */
  private async state(): Promise<string> {
    const now = Date.now();
    if (this.municipality !== undefined && now - this.checkedAt < (this.options.revalidateMs ?? 0))
      return this.municipality;
    let row: { m: unknown } | undefined;
    try {
      row = await this.ctx.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst();
    } catch (error) {
      // The database is away: nothing can be published meanwhile (every process writes to it),
      // so the answers kept for the last known state are still the published ones (decision 0141).
      if (this.municipality !== undefined && isDatabaseUnavailable(error)) return this.municipality;
      throw error;
    }
    const mark = String(row?.m ?? '');
    if (mark !== this.mark || this.municipality === undefined) {
      if (this.municipality !== undefined) this.store.clear(`${this.municipality}\u0000`);
      const plan = await getPublishedPlan(this.ctx);
      this.municipality = plan.ok ? plan.value.document.municipality.code : '-';
      this.mark = mark;
    }
    this.checkedAt = now;
    return this.municipality;
  }

  /** Answers a request: from the cache, or through `inner` (then kept when it may be). */
  async handle(req: Request, inner: (req: Request) => Promise<Response>): Promise<Response> {
    if (!cacheable(req)) {
      const res = await inner(req);
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && res.status < 400)
        this.invalidate();
      return res;
    }
    const code = await this.state();
    const url = new URL(req.url);
    const key = `${code}\u0000${cookieValue(req.headers.get('cookie'), LANG_COOKIE)}\u0000${url.pathname}${url.search}`;
    let entry = this.store.entries.get(key);
    if (!entry) {
      // The identity answer is kept; compressed forms are made once, from it.
      const headers = new Headers(req.headers);
      headers.delete('accept-encoding');
      headers.delete('if-none-match');
      const res = await inner(new Request(req.url, { method: 'GET', headers }));
      const setCookie = res.headers.get('set-cookie');
      const keep =
        res.status === 200 &&
        !/no-store|private/.test(res.headers.get('cache-control') ?? '') &&
        !res.headers.has('content-encoding') &&
        (setCookie === null || new RegExp(`^${LANG_COOKIE}=[^;,]*(;[^,]*)?$`).test(setCookie));
      if (!keep) return req.method === 'HEAD' ? new Response(null, res) : res;
      const body = new Uint8Array(await res.arrayBuffer());
      entry = {
        status: res.status,
        headers: [...res.headers].filter(([k]) => k !== 'content-length' && k !== 'etag'),
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
      if (!entry.headers.some(([k]) => k === 'cache-control'))
        entry.headers.push(['cache-control', 'no-cache']);
      this.store.set(key, entry);
    }
    return this.respond(req, entry);
  }

  private respond(req: Request, entry: Entry): Response {
    const accept = req.headers.get('accept-encoding') ?? '';
    const type = entry.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
    const compressible = entry.body.byteLength >= 1024 && COMPRESSIBLE.test(type);
    let encoding: 'br' | 'gzip' | undefined;
    if (compressible && /\bbr\b/.test(accept)) encoding = 'br';
    else if (compressible && /\bgzip\b/.test(accept)) encoding = 'gzip';
    const etag = encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag;
    const headers = new Headers(entry.headers);
    headers.set('etag', etag);
    headers.append('vary', 'Accept-Encoding, Cookie');
    const inm = req.headers.get('if-none-match');
    if (inm && inm.split(/\s*,\s*/).some((t) => t === etag || t === '*'))
      return new Response(null, { status: 304, headers });
    let body = entry.body;
    if (encoding === 'br') {
      entry.br ??= brotliCompressSync(entry.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.byteLength,
        },
      });
      body = entry.br;
    } else if (encoding === 'gzip') {
      entry.gzip ??= gzipSync(entry.body, { level: 9 });
      body = entry.gzip;
    }
    if (encoding) headers.set('content-encoding', encoding);
    headers.set('content-length', String(body.byteLength));
    return new Response(req.method === 'HEAD' ? null : (body as unknown as BodyInit), {
      status: entry.status,
      headers,
    });
  }
}

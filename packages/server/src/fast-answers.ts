/**
 * Cached answers written straight to the socket: before the request reaches
 * the Hono adapter (which builds a Request, Headers and a Response per
 * answer), the node request listener looks the request up in the answer cache
 * and, on a hit, writes the kept bytes with their ready-made headers. It
 * answers only what the full path would answer from the cache: a built asset,
 * or a GET/HEAD without credentials (no Authorization, no session cookie, so
 * the public, which the policy table let through when the answer was kept),
 * while the published state is within its trust window (no database work).
 * Anything else — a miss, a state to check again, staff, writes — goes on to
 * the application unchanged (decision 0126).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AnswerCache,
  bodyFor,
  chooseEncoding,
  type Entry,
  etagFor,
  headersFor,
  hostKey,
  isAsset,
  langCookie,
  notModified,
} from './answer-cache';

const SESSION = /(^|;\s*)(__Host-)?mirai_session=/;
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What a fast answer reports, for metrics and the access log. */
export type FastAnswerSeen = (method: string, url: string, status: number, seconds: number) => void;

/** The cached entry for a request, or undefined when the full path must answer. */
export function fastEntry(cache: AnswerCache, req: IncomingMessage): Entry | undefined {
  const method = req.method;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const url = req.url ?? '/';
  const h = req.headers;
  if (isAsset(url)) return cache.assets.get(url);
  if (h.authorization !== undefined) return undefined;
  const cookie = h.cookie;
  if (cookie !== undefined && SESSION.test(cookie)) return undefined;
  const host = hostKey(h.host, header(h['x-forwarded-host']), header(h['x-forwarded-proto']));
  // The municipality this host was answered for within the trust window, whose state is trusted.
  const code = cache.trustedState(host);
  if (code === undefined) return undefined;
  // The raw path is the key only when it is already in the normalised form the full path keys by;
  // anything else misses here and is normalised there.
  return cache.store.entries.get(AnswerCache.key(code, host, langCookie(cookie), url));
}

/** Answers from the cache when it can; false when the request must go on to the application. */
export function serveFast(
  cache: AnswerCache,
  req: IncomingMessage,
  res: ServerResponse,
  seen?: FastAnswerSeen,
): boolean {
  const entry = fastEntry(cache, req);
  if (!entry) return false;
  const started = seen ? performance.now() : 0;
  if (!isAsset(req.url ?? '/')) cache.store.socketAnswers++;
  const encoding = chooseEncoding(entry, header(req.headers['accept-encoding']));
  const headers = headersFor(entry, encoding);
  let status = entry.status;
  if (notModified(header(req.headers['if-none-match']), etagFor(entry, encoding))) {
    status = 304;
    const without: string[] = [];
    for (let i = 0; i < headers.length; i += 2)
      if (headers[i] !== 'content-length') without.push(headers[i]!, headers[i + 1]!);
    res.writeHead(304, without);
    res.end();
  } else {
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else res.end(bodyFor(entry, encoding));
  }
  seen?.(req.method ?? 'GET', req.url ?? '/', status, (performance.now() - started) / 1000);
  return true;
}

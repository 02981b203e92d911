/**
 * GET /metrics with several workers on one port (decision 0157). A scrape
 * reaches one worker; that worker asks the primary over node:cluster's IPC,
 * the primary asks every listening worker for its registry as JSON and merges
 * them with prom-client's `AggregatorRegistry.aggregate` (counters and
 * histograms summed; each metric's `aggregator` otherwise), and the worker
 * answers with the merged text. A worker that does not answer within 2 s is
 * left out (`mirai_worker_up` lists those that answered); if the primary does
 * not answer within 5 s, the worker answers its own metrics. The primary loads
 * prom-client only at its first scrape.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Registry } from 'prom-client';

const ASK = 'mirai:metrics-ask'; // worker → primary: the merged metrics, please
const ANSWER = 'mirai:metrics-answer'; // primary → that worker
const COLLECT = 'mirai:metrics-collect'; // primary → every worker: your registry as JSON
const JSON_PART = 'mirai:metrics-json'; // worker → primary

interface Message {
  type?: string;
  id?: number;
  metrics?: object[];
  body?: string;
  contentType?: string;
}
const typed = (m: unknown): Message => (typeof m === 'object' && m !== null ? (m as Message) : {});

export interface Rendered {
  body: string;
  contentType: string;
}

/** In a worker: answers the primary's collection requests from `registry`. */
export function shareWithPrimary(registry: Registry): void {
  process.on('message', (raw) => {
    const m = typed(raw);
    if (m.type !== COLLECT) return;
    void registry.getMetricsAsJSON().then(
      (metrics) => process.send?.({ type: JSON_PART, id: m.id, metrics }),
      () => process.send?.({ type: JSON_PART, id: m.id, metrics: [] }),
    );
  });
}

let asked = 0;
/** In a worker: every worker's metrics merged by the primary, or undefined when it does not answer in time. */
export function askPrimary(timeoutMs = 5_000): Promise<Rendered | undefined> {
  const id = ++asked;
  return new Promise((resolve) => {
    const onMessage = (raw: unknown) => {
      const m = typed(raw);
      if (m.type !== ANSWER || m.id !== id) return;
      finish({ body: m.body ?? '', contentType: m.contentType ?? 'text/plain' });
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    const finish = (r: Rendered | undefined) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(r);
    };
    process.on('message', onMessage);
    process.send?.({ type: ASK, id });
  });
}

/** In the primary: answers workers' scrapes with the metrics of every listening worker. */
export function answerScrapes(listening: () => Worker[], collectMs = 2_000): void {
  let next = 0;
  const pending = new Map<number, { left: number; parts: object[][]; done: () => void }>();
  cluster.on('message', (worker, raw) => {
    const m = typed(raw);
    if (m.type === JSON_PART && m.id !== undefined) {
      const p = pending.get(m.id);
      if (!p) return;
      p.parts.push(m.metrics ?? []);
      if (--p.left === 0) p.done();
    } else if (m.type === ASK) {
      void merged().then(
        (r) => worker.isConnected() && worker.send({ type: ANSWER, id: m.id, ...r }),
        () => {}, // the worker answers its own after its timeout
      );
    }
  });
  async function merged(): Promise<Rendered> {
    const workers = listening().filter((w) => w.isConnected());
    const id = next++;
    const parts: object[][] = [];
    await new Promise<void>((resolve) => {
      if (workers.length === 0) return resolve();
      pending.set(id, { left: workers.length, parts, done: resolve });
      for (const w of workers) w.send({ type: COLLECT, id });
      setTimeout(resolve, collectMs).unref();
    });
    pending.delete(id);
    const { AggregatorRegistry } = await import('prom-client');
    const registry = AggregatorRegistry.aggregate(parts);
    return { body: await registry.metrics(), contentType: registry.contentType };
  }
}

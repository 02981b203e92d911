/**
 * Prometheus metrics for one server: requests by method, route and status,
 * their durations, answers served from the public answer cache, and gauges
 * read from the database when scraped (jobs waiting, e-mail not yet sent).
 * Each server has its own registry (tests start several in one process).
 * With --workers, a scrape answers every worker's metrics merged (cluster-metrics.ts).
 */
import cluster from 'node:cluster';
import { type AppContext, countJobsByStatus, countOutboxByStatus } from '@mirai/app';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { askPrimary, shareWithPrimary } from './cluster-metrics';

export interface ServerMetrics {
  registry: Registry;
  observe(method: string, route: string, status: number, seconds: number): void;
  render(): Promise<{ body: string; contentType: string }>;
}

export function createMetrics(ctx: AppContext): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mirai_' });
  const requests = new Counter({
    name: 'mirai_http_requests_total',
    help: 'HTTP answers by method, route (as declared) and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'mirai_http_request_duration_seconds',
    help: 'Time to answer, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'mirai_jobs',
    help: 'Background jobs by status (queued, running, failed in the last day)',
    labelNames: ['status'],
    registers: [registry],
    // Read from the shared database: every worker sees the same figure (not summed).
    aggregator: 'first',
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await countJobsByStatus(ctx))) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'mirai_mail_outbox',
    help: 'E-mail in the outbox by status (pending, held without SMTP, failed)',
    labelNames: ['status'],
    registers: [registry],
    aggregator: 'first',
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await countOutboxByStatus(ctx))) this.set({ status }, n);
    },
  });
  // One of several workers on one port: it says which it is, and shares its registry with the primary.
  const worker = cluster.isWorker && process.send !== undefined;
  if (worker) {
    new Gauge({
      name: 'mirai_worker_up',
      help: 'Server processes of --workers whose metrics this scrape holds (1 each)',
      labelNames: ['worker'],
      registers: [registry],
    }).set({ worker: process.env.MIRAI_WORKER_INDEX ?? String(cluster.worker?.id ?? '') }, 1);
    shareWithPrimary(registry);
  }
  return {
    registry,
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      durations.observe({ method, route }, seconds);
    },
    async render() {
      const merged = worker ? await askPrimary() : undefined;
      return merged ?? { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}

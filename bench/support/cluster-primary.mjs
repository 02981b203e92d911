#!/usr/bin/env node
// Two (or N) Mirai server processes behind one port with node:cluster: the primary accepts and
// hands each connection to a worker in turn; each worker is an unchanged `mirai-server`.
// Workers start one after another (the first migrates an empty database), and the primary says
// "ready in" once every worker listens. Usage: cluster-primary.mjs --workers 2 --port P [server args…]
import cluster from 'node:cluster';
import { join } from 'node:path';

const args = process.argv.slice(2);
const take = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const workers = Number(take('--workers', '2'));
const port = take('--port', '3000');
const t0 = performance.now();
cluster.setupPrimary({
  exec: join(new URL('../..', import.meta.url).pathname, 'packages/server/bin/mirai-server.js'),
  args: ['--port', port, ...args],
});
cluster.schedulingPolicy = cluster.SCHED_RR;
for (let i = 0; i < workers; i++) {
  const w = cluster.fork();
  await new Promise((resolve, reject) => {
    w.once('listening', resolve);
    w.once('exit', (code) => reject(new Error(`worker ${i + 1} exited with ${code}`)));
  });
}
console.log(`cluster: ${workers} workers on port ${port}, ready in ${Math.round(performance.now() - t0)} ms`);
const stop = (signal) => {
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  process.exit(0);
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));

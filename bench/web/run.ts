/**
 * The public top page on localhost in Debian's Chromium: JavaScript
 * transferred (compressed, as sent over the wire) and the largest contentful
 * paint, each run in a fresh browser profile (cold cache). Also the population
 * page, which loads the chart module. Results: bench/results/web.{json,md}.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openBrowser } from '../../e2e/support/browser';
import { repoRoot } from '../../e2e/support/build-web';
import { startTestServer } from '../../e2e/support/server';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Sample {
  jsTransferBytes: number;
  jsDecodedBytes: number;
  jsFiles: number;
  lcpMs: number;
  lcpElement: string;
  domContentLoadedMs: number;
  hydratedMs: number;
}

async function measure(url: string, waitSelector?: string): Promise<Sample> {
  const b = await openBrowser('bench-web');
  try {
    const { page } = b;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
    if (waitSelector) await page.waitForSelector(waitSelector, { timeout: 30_000 });
    await page.waitForTimeout(500);
    return await page.evaluate(async () => {
      const lcp = await new Promise<{ t: number; el: string }>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & { element?: Element })[];
          const last = entries[entries.length - 1];
          resolve({ t: last?.startTime ?? Number.NaN, el: last?.element?.tagName ?? '' });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = res.filter((r) => r.name.endsWith('.js'));
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const hydrated = performance.getEntriesByName('mirai-hydrated')[0]?.startTime ?? Number.NaN;
      return {
        jsTransferBytes: js.reduce((a, r) => a + r.transferSize, 0),
        jsDecodedBytes: js.reduce((a, r) => a + r.decodedBodySize, 0),
        jsFiles: js.length,
        lcpMs: lcp.t,
        lcpElement: lcp.el,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        hydratedMs: hydrated,
      };
    });
  } finally {
    await b.close();
  }
}

const server = await startTestServer();
try {
  // Warm the server's caches (plan, read models) so the figures are about the page, not first-request work.
  await fetch(`${server.url}/`);
  await fetch(`${server.url}/population`);
  const encoding = (
    await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'gzip, br' } })
  ).headers.get('content-encoding');
  const top: Sample[] = [];
  const population: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    top.push(await measure(`${server.url}/`));
    population.push(await measure(`${server.url}/population`, '.chart-canvas[data-rendered="true"] svg'));
  }
  const summary = (xs: Sample[]) => ({
    jsTransferKB: +(median(xs.map((x) => x.jsTransferBytes)) / 1024).toFixed(1),
    jsDecodedKB: +(median(xs.map((x) => x.jsDecodedBytes)) / 1024).toFixed(1),
    jsFiles: median(xs.map((x) => x.jsFiles)),
    lcpMs: Math.round(median(xs.map((x) => x.lcpMs))),
    lcpElement: xs[0]?.lcpElement ?? '',
    domContentLoadedMs: Math.round(median(xs.map((x) => x.domContentLoadedMs))),
    hydratedMs: Math.round(median(xs.map((x) => x.hydratedMs))),
    lcpAllMs: xs.map((x) => Math.round(x.lcpMs)),
  });
  const result = {
    benchmark: 'web',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      browser: 'Debian chromium (headless), localhost, cold profile per run',
    },
    runs,
    contentEncoding: encoding,
    aims: { jsTransferKB: 200, lcpMs: 1500 },
    topPage: summary(top),
    populationPage: summary(population),
  };
  writeFileSync(join(repoRoot, 'bench/results/web.json'), `${JSON.stringify(result, null, 2)}\n`);
  const row = (name: string, s: ReturnType<typeof summary>) =>
    `| ${name} | ${s.jsTransferKB} KB (${s.jsFiles} files, ${s.jsDecodedKB} KB decoded) | ${s.lcpMs} ms (${s.lcpElement}) | ${s.domContentLoadedMs} ms | ${s.hydratedMs} ms |`;
  writeFileSync(
    join(repoRoot, 'bench/results/web.md'),
    [
      '# Web: public pages in Chromium on localhost',
      '',
      `Measured ${result.measuredAt} on ${result.machine.cpus} cores, Node ${result.machine.node}; ${runs} runs, each in a fresh Chromium profile (cold cache); medians. Responses compressed: \`${encoding}\`.`,
      '',
      '| page | JavaScript transferred (median) | LCP (median) | DOMContentLoaded | hydrated |',
      '|---|---|---|---|---|',
      row('`/` (top)', result.topPage),
      row('`/population` (with charts)', result.populationPage),
      '',
      `Aims for the top page: JavaScript under ${result.aims.jsTransferKB} KB compressed, LCP under ${result.aims.lcpMs} ms.`,
      'The population page additionally loads the chart module (ECharts, modular) after hydration; its LCP is the server-rendered text or table, not the chart.',
      '',
    ].join('\n'),
  );
  console.log(
    JSON.stringify({ topPage: result.topPage, populationPage: result.populationPage, encoding }, null, 2),
  );
} finally {
  await server.close();
}

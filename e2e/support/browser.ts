/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox, no
 * network services of its own, a fresh profile per test. Screenshots go to
 * e2e/artifacts/<suite>/ (kept as test artifacts, not committed).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from './build-web';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(
  suite: string,
  viewport = { width: 1280, height: 900 },
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'mirai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'ja-JP',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dir = join(repoRoot, 'e2e/artifacts', suite);
  mkdirSync(dir, { recursive: true });
  return {
    context,
    page,
    shot: async (name) => {
      const file = join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page (WCAG 2.0/2.1 A and AA plus best practices); returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, not a <script> tag: the page's CSP refuses inline scripts.
  axeSource ??= readFileSync(axePath, 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export interface AxeRun {
  version: string;
  tags: string[];
  violations: AxeViolation[];
  passes: string[];
  incomplete: string[];
}

/** The rule sets run: WCAG 2.0/2.1 A and AA (JIS X 8341-3:2016 is WCAG 2.0) and best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe-core with the tags above: its version, the violations, and the ids of the rules that passed or need review. */
export async function axeRun(page: Page): Promise<AxeRun> {
  axeSource ??= readFileSync(axePath, 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      version: axe.version as string,
      tags,
      violations: r.violations.map((v: AxeViolation) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      passes: r.passes.map((v: { id: string }) => v.id),
      incomplete: r.incomplete.map((v: { id: string }) => v.id),
    };
  }, axeTags);
}

/** Waits until the page is hydrated (the client entry sets data-hydrated on <html>). */
export async function waitHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, {
    timeout: 20_000,
  });
}

/** Opens a staff URL, signs in on the page it redirects to, and waits to be back. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL('**/staff/login?next=*');
  await waitHydrated(page);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(url);
  await waitHydrated(page);
}

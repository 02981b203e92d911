/**
 * HTML report → A4 PDF with Debian's headless Chromium (playwright-core; the
 * Japanese fonts come from fonts-noto-cjk). Nothing is fetched: requests other
 * than the document itself are refused. Before printing, the page lays the
 * sections out at the printable width and writes each section's first page
 * into the table of contents; the footer carries "page / pages".
 */
import { existsSync } from 'node:fs';
import { fail, ok, type Result } from '@mirai/core';
import { chromium } from 'playwright-core';
import { reportProblems } from './report-problems';

export const chromiumPath = () =>
  process.env.MIRAI_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MM = 96 / 25.4;
/** A4 less the margins of the report's @page rule (15 mm sides, 15 mm top, 18 mm bottom). */
const printable = { width: (210 - 30) * MM, height: (297 - 33) * MM };

const footer = `<div style="width:100%;font-size:8pt;text-align:center;color:#444;font-family:'Noto Sans CJK JP',sans-serif">
<span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export async function renderPdf(
  html: string,
  opts: { title: string; onProgress?: (share: number) => void },
): Promise<Result<Buffer>> {
  const path = chromiumPath();
  if (!existsSync(path)) return fail(reportProblems.rendererMissing.create({ path }));
  const browser = await chromium.launch({
    executablePath: path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: Math.floor(printable.width), height: 1000 } });
    await page.route('**/*', (route) => route.abort());
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    opts.onProgress?.(0.3);
    // Each section starts a page; its length in pages follows from its laid-out height. (A string,
    // so that no bundler helper ends up in the page.)
    await page.evaluate(`(() => {
      const pageHeight = ${printable.height};
      const pagesOf = (el) => Math.max(1, Math.ceil(el.getBoundingClientRect().height / pageHeight - 0.02));
      let next = 1 + pagesOf(document.querySelector('.cover'));
      next += pagesOf(document.getElementById('toc'));
      for (const s of document.querySelectorAll('[data-section]')) {
        const cell = document.querySelector('[data-toc-for="' + s.id + '"]');
        if (cell) cell.textContent = String(next);
        next += pagesOf(s);
      }
    })()`);
    opts.onProgress?.(0.6);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="width:100%;font-size:7pt;text-align:right;padding-right:15mm;color:#666">${opts.title.replace(/[<&]/g, '')}</div>`,
      footerTemplate: footer,
      outline: true,
      tagged: true,
    });
    opts.onProgress?.(1);
    return ok(pdf);
  } finally {
    await browser.close();
  }
}

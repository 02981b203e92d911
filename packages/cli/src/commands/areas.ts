/**
 * `mirai areas list`: every area with its layer and parent (school districts
 * with their district shares); `mirai sectoral-plans list|add|check`: the
 * register of sectoral plans and their alignment with the comprehensive plan.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  boundariesGeoJson,
  checkSectoralPlans,
  getSectoralPlans,
  importAreaBoundaries,
  listAreaItems,
  parseSectoralPlansText,
  readAreaBoundaries,
  saveSectoralPlan,
} from '@mirai/app';
import { describeFinding, ProblemError, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

const actorOf = (opts: { actor?: string }) => cliActor(opts.actor);

export function registerAreas(program: Command) {
  const areas = program.command('areas').description('地域（広域圏・市・地区・小学校区） / areas by layer');
  withDataOptions(
    areas
      .command('list')
      .description('すべての地域を層・親とともに一覧 / every area with its layer and parent')
      .option('--format <format>', 'json or table', 'table')
      .option('--include-draft', 'read the current (possibly draft) plan version'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const view = unwrap(await listAreaItems(ctx, { includeDraft: Boolean(opts.includeDraft) }));
      const rows = view.areas.map(({ children: _c, ...a }) => a);
      if (opts.format === 'json') return printJson(rows);
      printTable(
        ['code', 'layer', 'name', 'parent', 'shares'],
        rows.map((a) => [
          a.code,
          a.layer,
          a.name.ja + (a.sample ? '（サンプル）' : ''),
          a.parent ?? '',
          a.shares.map((s) => `${s.area} ${Math.round(s.share * 100)}%`).join(', '),
        ]),
      );
    });
  });

  const boundaries = areas
    .command('boundaries')
    .description('地域の境界（GeoJSON、出典・ライセンス付き） / area boundaries with source and licence');
  withDataOptions(
    boundaries
      .command('import')
      .description('境界の GeoJSON を点検して登録（全部か無か、監査記録） / check and store a GeoJSON file')
      .requiredOption('--file <file>', "GeoJSON FeatureCollection; properties.area = the plan's area code")
      .requiredOption('--source <source>', 'where the boundaries come from (出典)')
      .requiredOption('--licence <licence>', 'their licence (ライセンス)')
      .option('--sample', 'mark them as illustrative (drawn as a sample on the map)')
      .option('--dry-run', 'check only; store nothing')
      .option('--actor <name>', 'who imports (audit trail)'),
  ).action(async (opts) => {
    const text = await readFile(opts.file, 'utf8');
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await importAreaBoundaries(
          ctx,
          {
            text,
            file: basename(opts.file),
            source: opts.source,
            licence: opts.licence,
            sample: Boolean(opts.sample),
          },
          { actor: actorOf(opts), ...(opts.dryRun ? { dryRun: true } : {}) },
        ),
      );
      process.stdout.write(
        r.dryRun
          ? `点検のみ（登録せず） / checked, nothing stored: ${r.areas.length} areas\n`
          : `登録しました / stored: ${r.municipalityCode} boundaries version ${r.version} (${r.areas.length} areas: ${r.areas.join(', ')})\n`,
      );
    });
  });
  withDataOptions(
    boundaries
      .command('show')
      .description('登録された境界の出典・ライセンスと区域 / the stored boundaries')
      .option('--format <format>', 'json (GeoJSON) or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const b = unwrap(await readAreaBoundaries(ctx, { includeDraft: true }));
      if (!b) {
        process.stdout.write('境界データは登録されていません / no boundaries stored\n');
        return;
      }
      if (opts.format === 'json') return printJson(boundariesGeoJson(b));
      process.stdout.write(
        `version ${b.version}${b.sample ? '（サンプル / sample）' : ''}\nsource: ${b.source}\nlicence: ${b.licence}\nareas: ${b.features.map((f) => f.area).join(', ')}\n`,
      );
    });
  });

  const sp = program.command('sectoral-plans').description('個別計画の登録と整合の点検 / sectoral plans');
  withDataOptions(
    sp
      .command('list')
      .description('登録された個別計画 / the registered sectoral plans')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = await getSectoralPlans(ctx, { includeDrafts: true });
      if (opts.format === 'json') return printJson(list.map((s) => ({ ...s.plan, version: s.version })));
      printTable(
        ['code', 'name', 'period', 'department', 'status', 'version'],
        list.map((s) => [
          s.plan.code,
          s.plan.name.ja + (s.plan.sample ? '（サンプル）' : ''),
          `${s.plan.startFiscalYear}–${s.plan.endFiscalYear}`,
          s.plan.department,
          s.plan.status,
          s.version,
        ]),
      );
    });
  });
  withDataOptions(
    sp
      .command('add')
      .description('個別計画を登録（YAML/JSON、1件またはその一覧） / register sectoral plans from a file')
      .requiredOption('--file <file>', 'YAML or JSON: one sectoral plan or a list')
      .option('--expected-version <n>', 'update an existing plan read at this version')
      .option('--actor <name>', 'who registers (audit trail)'),
  ).action(async (opts) => {
    const items = unwrap(parseSectoralPlansText(await readFile(opts.file, 'utf8'), basename(opts.file)));
    await withApp(opts, async (ctx) => {
      for (const item of items) {
        const r = await saveSectoralPlan(ctx, item, {
          actor: actorOf(opts),
          ...(opts.expectedVersion !== undefined ? { expectedVersion: Number(opts.expectedVersion) } : {}),
        });
        if (!r.ok)
          throw new ProblemError(r.problems.map((p) => ({ ...p, where: { file: opts.file, ...p.where } })));
        process.stdout.write(`登録しました / saved: ${r.value.code} (version ${r.value.version})\n`);
      }
    });
  });
  withDataOptions(
    sp
      .command('check')
      .description('総合計画との整合を点検 / check alignment with the comprehensive plan')
      .option('--fiscal-year <fy>', 'the fiscal year to check as of (default: this fiscal year in Japan)')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const report = unwrap(
        await checkSectoralPlans(ctx, {
          includeDrafts: true,
          ...(opts.fiscalYear ? { fiscalYear: Number(opts.fiscalYear) } : {}),
        }),
      );
      if (opts.format === 'json') return printJson(report);
      for (const p of report.plans) {
        process.stdout.write(`${p.code} ${p.name.ja}\n`);
        if (p.findings.length === 0) process.stdout.write('  食い違いなし / no misalignment\n');
        for (const f of p.findings) {
          const d = describeFinding(f);
          process.stdout.write(`  - ${d.ja}\n    ${d.en}\n`);
        }
      }
      const missing = report.fieldsWithoutSectoralPlan.map((f) => `${f.code} ${f.name.ja}`);
      process.stdout.write(
        `個別計画のない分野 / fields without a sectoral plan: ${missing.join('、') || 'なし / none'}\n`,
      );
    });
  });
}

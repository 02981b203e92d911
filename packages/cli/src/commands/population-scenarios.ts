/**
 * `mirai population scenario save|run|list` and `mirai population series`:
 * scenarios stored in the database, and the series that feed the 総人口 indicator
 * (the engine's own commands are in population.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  listPopulationScenarios,
  populationIndicatorSeries,
  readPlan,
  runPopulationScenario,
  savePopulationScenario,
} from '@mirai/app';
import { type PopulationSpec, ProblemError, populationProblems, type Scenario, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

async function readJson(file: string): Promise<unknown> {
  const where = { file: basename(file) };
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ProblemError(populationProblems.specUnreadable.create({ reason: 'file not found' }, where));
  });
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProblemError(populationProblems.specUnreadable.create({ reason: (e as Error).message }, where));
  }
}

export function registerPopulationScenarios(program: Command) {
  const population = program.commands.find((c) => c.name() === 'population') ?? program.command('population');
  const scenario = population.command('scenario').description('保存したシナリオ / stored scenarios');

  withDataOptions(
    scenario
      .command('save')
      .description('シナリオを保存して推計する / save a scenario and run it')
      .requiredOption('--code <code>', 'scenario code, e.g. MIG-1.2')
      .requiredOption('--name <name>', 'name shown beside the baselines')
      .requiredOption('--spec <file>', 'base projection spec (format v1)')
      .option(
        '--scenario <file>',
        'levers as JSON (tfrPath, migrationMultiplier, addedMigrantsPerYear, mortalityMultiplier)',
      )
      .option('--migration-multiplier <x>', 'scale every net migration rate or count')
      .option('--added-migrants <n>', 'extra net in-migrants per year, working-age schedule')
      .requiredOption('--source <text>', 'provenance: where the spec and the assumptions come from')
      .option('--area <code>', "area code (default: the plan's municipality)")
      .option('--sample', 'flag the scenario as illustrative')
      .option('--expected-version <n>', 'fail unless the stored scenario is at this version')
      .option('--actor <name>', 'who saves (audit trail)'),
  ).action(async (opts) => {
    const spec = (await readJson(opts.spec)) as PopulationSpec;
    const levers = (opts.scenario ? await readJson(opts.scenario) : { name: opts.name }) as Scenario;
    const s: Scenario = {
      ...levers,
      name: levers.name ?? opts.name,
      ...(opts.migrationMultiplier ? { migrationMultiplier: Number(opts.migrationMultiplier) } : {}),
      ...(opts.addedMigrants ? { addedMigrantsPerYear: Number(opts.addedMigrants) } : {}),
    };
    await withApp(opts, async (ctx) => {
      const actor = cliActor(opts.actor);
      const saved = unwrap(
        await savePopulationScenario(
          ctx,
          {
            code: opts.code,
            name: opts.name,
            area: opts.area ?? spec.area ?? unwrap(await readPlan(ctx)).document.municipality.code,
            spec,
            scenario: s,
            provenance: { source: opts.source },
            sample: Boolean(opts.sample),
            ...(opts.expectedVersion ? { expectedVersion: Number(opts.expectedVersion) } : {}),
          },
          { actor },
        ),
      );
      const run = unwrap(await runPopulationScenario(ctx, saved.code, { actor }));
      console.log(`Saved ${saved.code} (version ${saved.version}); projected totals:`);
      printTable(
        ['year', 'total'],
        Object.entries(run.projection.total).map(([y, v]) => [y, Math.round(v)]),
      );
    });
  });

  withDataOptions(
    scenario
      .command('run <code>')
      .description('保存したシナリオを再推計する / run a stored scenario again')
      .option('--actor <name>', 'who runs it'),
  ).action(async (code: string, opts) => {
    await withApp(opts, async (ctx) => {
      const run = unwrap(await runPopulationScenario(ctx, code, { actor: cliActor(opts.actor) }));
      printJson({ code: run.code, total: run.projection.total, annualTotal: run.projection.annualTotal });
    });
  });

  withDataOptions(
    scenario
      .command('list')
      .description('シナリオの一覧 / list stored scenarios')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = unwrap(await listPopulationScenarios(ctx));
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['code', 'name', 'area', 'version', 'sample'],
        list.map((s) => [s.code, s.name, s.area, s.version, s.sample ? 'サンプル' : '']),
      );
    });
  });

  withDataOptions(
    population
      .command('series')
      .description('総人口の系列（計画の推計と各シナリオ）と目標 / total-population series and the target')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const r = unwrap(await populationIndicatorSeries(ctx));
      if (opts.format === 'json') return printJson(r);
      const years = ['2020', '2025', '2030', '2032', '2035', '2040', '2045', '2050'];
      const at = (values: Record<string, number>, y: string) => {
        if (values[y] !== undefined) return Math.round(values[y]);
        return '';
      };
      printTable(
        ['series', 'source', ...years],
        r.series.map((s) => [
          `${s.name.ja}${s.sample ? '（サンプル）' : ''}`,
          s.kind,
          ...years.map((y) => at(s.values, y)),
        ]),
      );
      if (r.target)
        console.log(`目標 target: ${r.target.value.toLocaleString('ja-JP')} in FY${r.target.fiscalYear}`);
    });
  });
}

/**
 * `mirai population project|derive|target|simulate|compare`: the population projection
 * engine from the command line (issue 5's contract). Specs are JSON files
 * (format version 1, or a district set); census tables are CSV/XLSX.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readTableFile } from '@mirai/app';
import {
  cabinetOfficePatterns,
  censusFromRows,
  compareScenarios,
  compileSpec,
  deriveDistrictSet,
  deriveSpec,
  impliedSpec,
  isDistrictSet,
  LEVERS,
  type Lever,
  type PopulationSeries,
  type Problem,
  ProblemError,
  populationProblems,
  projectDistricts,
  projectSpec,
  type Scenario,
  seriesFromAge3Rows,
  simulate,
  solveTarget,
  unwrap,
} from '@mirai/core';
import type { Command } from 'commander';
import { optionProblem } from '../options';
import { printJson, printProblems, printTable } from '../output';

async function readSpec(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ProblemError(
      populationProblems.specUnreadable.create({ reason: 'file not found' }, { file: basename(file) }),
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProblemError(
      populationProblems.specUnreadable.create({ reason: (e as Error).message }, { file: basename(file) }),
    );
  }
}

function number(option: string, v: string | undefined, integer = false): number {
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new ProblemError(
      populationProblems.optionInvalid.create(
        { option, value: String(v), expected: integer ? 'an integer' : 'a number' },
        { field: option },
      ),
    );
  }
  return n;
}

function warn(warnings: Problem[] | undefined): void {
  if (warnings && warnings.length > 0) printProblems(warnings);
}

const round = (x: number) => Math.round(x).toLocaleString('en-US');

export function registerPopulation(program: Command) {
  const population = program.command('population').description('将来人口推計 / population projection');

  population
    .command('project')
    .description('推計を実行 / run a projection (a spec or a district set)')
    .requiredOption('--spec <file>', 'spec JSON (format version 1) or a district set')
    .option('--format <format>', 'json or table', 'json')
    .action(async (opts) => {
      const spec = await readSpec(opts.spec);
      if (isDistrictSet(spec)) {
        const r = projectDistricts(spec);
        const value = unwrap(r);
        warn(r.ok ? r.warnings : undefined);
        if (opts.format !== 'table') return printJson(value);
        if (value.sample)
          process.stdout.write('SAMPLE: illustrative district data (サンプル・実データではありません)\n');
        const years = value.city.years;
        printTable(
          ['area', ...years.map(String)],
          [value.city, ...value.districts].map((p, i) => [
            i === 0 ? (p.area ?? 'city') : ((p as { name?: string }).name ?? ''),
            ...years.map((y) => round(p.total[String(y)] ?? 0)),
          ]),
        );
        return;
      }
      const r = projectSpec(spec);
      const value = unwrap(r);
      warn(r.ok ? r.warnings : undefined);
      if (opts.format !== 'table') return printJson(value);
      printTable(
        ['year', 'total', '0-14', '15-64', '65+', 'old-age dependency'],
        value.years.map((y) => {
          const g = value.ageGroups3[String(y)]!;
          return [
            y,
            round(value.total[String(y)]!),
            round(g['0-14']),
            round(g['15-64']),
            round(g['65+']),
            value.dependencyRatios[String(y)]!.oldAge.toFixed(1),
          ];
        }),
      );
    });

  population
    .command('derive')
    .description('国勢調査から仮定値を導出し仕様を書く / derive a spec from two censuses')
    .requiredOption(
      '--census <file>',
      'census table (CSV/XLSX): municipality_code|area_code, year, sex, age_group, population',
    )
    .requiredOption('--area <code>', 'area code (five-digit municipality code)')
    .requiredOption('--from <year>', 'earlier census year')
    .requiredOption('--to <year>', 'later census year (= base year), 5 years later')
    .option('--horizon <year>', 'last projection year', '2050')
    .option(
      '--districts <file>',
      'district census table (district_code, district, year, sex, age_group, population[, sample])',
    )
    .option('--prior-weight <persons>', 'district shrinkage toward the city: prior weight in persons', '200')
    .option(
      '--implied',
      'the table is a published projection (e.g. IPSS 2018): build the spec its rates imply, base --from, last year --to',
    )
    .option(
      '--tfr <value>',
      'the TFR the derived fertility corresponds to (needed by TFR scenarios and the tfr lever)',
    )
    .option('--out <file>', 'write the spec here instead of printing it')
    .action(async (opts) => {
      const census = unwrap(await readTableFile(opts.census));
      const from = number('--from', opts.from, true);
      const to = number('--to', opts.to, true);
      const horizon = number('--horizon', opts.horizon, true);
      const city = unwrap(censusFromRows(census.rows, opts.area, census.file));
      let spec: unknown;
      if (opts.implied) {
        spec = unwrap(
          impliedSpec(city, {
            area: opts.area,
            baseYear: from,
            lastYear: to,
            source: `${census.file}: rates implied by the published projection`,
          }),
        );
      } else if (opts.districts) {
        const t = unwrap(await readTableFile(opts.districts));
        const codes = [
          ...new Map(t.rows.map((r) => [r.cells.district_code ?? '', r.cells.district ?? ''])).entries(),
        ];
        const sample = t.rows.some((r) => r.cells.sample === 'true');
        const districts = codes.map(([code, name]) => ({
          code,
          name,
          table: unwrap(censusFromRows(t.rows, code, t.file)),
        }));
        spec = unwrap(
          deriveDistrictSet(city, opts.area, districts, {
            from,
            to,
            horizon,
            priorWeight: number('--prior-weight', opts.priorWeight),
            sample,
            provenance: {
              source: `${census.file} and ${t.file}${sample ? ' (districts: SAMPLE, illustrative)' : ''}`,
            },
          }),
        );
      } else {
        spec = unwrap(deriveSpec(city, { area: opts.area, from, to, horizon }));
      }
      if (opts.tfr !== undefined) {
        const tfr = number('--tfr', opts.tfr);
        if (isDistrictSet(spec)) {
          spec.city.tfr = tfr;
          for (const d of spec.districts) d.spec.tfr = tfr;
        } else (spec as { tfr?: number }).tfr = tfr;
      }
      if (opts.out) {
        await writeFile(opts.out, `${JSON.stringify(spec, null, 2)}\n`);
        process.stderr.write(`wrote ${opts.out}\n`);
      } else printJson(spec);
    });

  population
    .command('target')
    .description('目標人口に届くレバーの値を逆算 / solve a lever for a target total')
    .requiredOption('--spec <file>', 'spec JSON (format version 1), or a district set (solves for the city)')
    .requiredOption('--year <year>', 'target year (between the 5-year points by linear interpolation)')
    .requiredOption('--total <n>', 'target total population')
    .requiredOption('--lever <lever>', LEVERS.join('|'))
    .option('--format <format>', 'json or table', 'json')
    .action(async (opts) => {
      if (!LEVERS.includes(opts.lever)) {
        throw new ProblemError(
          populationProblems.optionInvalid.create(
            { option: '--lever', value: String(opts.lever), expected: LEVERS.join(' | ') },
            { field: 'lever' },
          ),
        );
      }
      const input = await readSpec(opts.spec);
      // For a district set, the target is the city's total.
      const compiled = unwrap(compileSpec(isDistrictSet(input) ? input.city : input));
      const answer = unwrap(
        solveTarget(
          compiled,
          opts.lever as Lever,
          number('--year', opts.year, true),
          number('--total', opts.total),
        ),
      );
      if (opts.format !== 'table') return printJson(answer);
      printTable(
        ['lever', 'value', 'year', 'total', 'achieved'],
        [
          [
            answer.lever,
            answer.value.toPrecision(8),
            answer.year,
            answer.total,
            answer.achievedTotal.toFixed(3),
          ],
        ],
      );
    });

  population
    .command('compare')
    .description(
      '基準推計・シナリオ・既存系列の比較 / compare the base, scenarios and stored series side by side',
    )
    .requiredOption('--spec <file>', 'base spec JSON (format version 1)')
    .option(
      '--scenarios <file>',
      'JSON array of scenarios (name, tfrPath, migrationMultiplier, addedMigrantsPerYear, mortalityMultiplier, …)',
    )
    .option(
      '--cabinet-office',
      'add the Cabinet Office patterns (TFR 2.1 by 2030; then also zero net migration); needs the spec TFR',
    )
    .option('--baselines <file>', 'JSON file with named series ({ "series": [...] }), with provenance')
    .option('--age3 <file>', 'three-group projection table (area_code, year, total, …), e.g. IPSS 2023')
    .option('--area <code>', 'area code for --age3 (five-digit municipality code)')
    .option('--years <list>', 'years to compare', '2015,2020,2025,2030,2032,2035,2040,2045,2050')
    .option('--format <format>', 'json or table', 'table')
    .action(async (opts) => {
      const spec = await readSpec(opts.spec);
      const scenarios: Scenario[] = opts.scenarios ? ((await readSpec(opts.scenarios)) as Scenario[]) : [];
      if (opts.cabinetOffice) scenarios.push(...cabinetOfficePatterns());
      const series: PopulationSeries[] = [];
      if (opts.baselines)
        series.push(...((await readSpec(opts.baselines)) as { series: PopulationSeries[] }).series);
      if (opts.age3) {
        if (!opts.area) throw optionProblem('--area', '');
        const t = unwrap(await readTableFile(opts.age3));
        series.push(seriesFromAge3Rows(t.rows, opts.area, `${t.file} (${opts.area})`, { source: t.file }));
      }
      const years = String(opts.years)
        .split(',')
        .map((y, i) => number(`--years[${i}]`, y.trim(), true));
      const r = unwrap(compareScenarios(spec, scenarios, series, years));
      if (opts.format === 'json') return printJson(r);
      printTable(
        ['year', ...r.columns.map((c) => c.name)],
        r.rows.map((row) => [row.year, ...row.values.map((v) => (v === null ? '' : round(v)))]),
      );
    });

  population
    .command('simulate')
    .description('モンテカルロで不確実性を評価 / Monte Carlo: median, 80% and 95% intervals')
    .requiredOption('--spec <file>', 'spec JSON (format version 1) or a district set')
    .option('--trajectories <n>', 'number of trajectories', '1000')
    .option('--seed <n>', 'random seed', '1')
    .option('--format <format>', 'json or table', 'json')
    .action(async (opts) => {
      const spec = await readSpec(opts.spec);
      const result = unwrap(
        simulate(spec, {
          trajectories: number('--trajectories', opts.trajectories, true),
          seed: number('--seed', opts.seed, true),
        }),
      );
      if (opts.format !== 'table') return printJson(result);
      if (result.sample)
        process.stdout.write('SAMPLE: illustrative district data (サンプル・実データではありません)\n');
      const last = String(result.years[result.years.length - 1]);
      printTable(
        ['area', `${last} median`, '80%', '95%'],
        result.areas.map((a) => {
          const q = a.total[last]!;
          return [
            a.name,
            round(q.median),
            `${round(q.lower80)}–${round(q.upper80)}`,
            `${round(q.lower95)}–${round(q.upper95)}`,
          ];
        }),
      );
    });
}

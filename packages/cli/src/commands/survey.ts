/**
 * `mirai survey estimate`: design-based estimates from a survey CSV/XLSX (the
 * fixed contract of issue 4), and `mirai survey table`: the plan's happiness
 * table from published shares or from microdata. The application is imported
 * when an action runs, and `estimate` imports only the column reader, so the
 * command does not load the database, Excel or the web layers for a CSV.
 */
import {
  type ColumnTable,
  columnsForEstimate,
  createDesign,
  type EstimateSpec,
  estimateFromColumns,
  factorize,
  meanFromShares,
  type Problem,
  ProblemError,
  parseNumbers,
  planTableFromMicrodata,
  populationWeightedMean,
  postStratify,
  type RowsTable,
  type Scale,
  surveyProblems,
  unwrap,
} from '@mirai/core';
import type { Command } from 'commander';
import { printJson, printProblems, printTable } from '../output';

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function parseScale(v: string | undefined): Scale | undefined {
  if (!v) return undefined;
  const m = /^(-?\d+(?:\.\d+)?)\s*[-–:]\s*(-?\d+(?:\.\d+)?)$/.exec(v);
  if (!m) throw new ProblemError(surveyProblems.notANumber.create({ value: v }, { field: 'scale' }));
  return { min: Number(m[1]), max: Number(m[2]) };
}

function parseNumberOption(v: string | undefined, field: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new ProblemError(surveyProblems.notANumber.create({ value: v }, { field }));
  return n;
}

function parseBounds(v: string): { lower: number; upper: number } {
  const [lo, hi] = v.split(',').map((x) => parseNumberOption(x.trim(), 'weight-bounds'));
  if (lo === undefined || hi === undefined || !(lo > 0 && lo <= 1 && hi >= 1))
    throw new ProblemError(surveyProblems.notANumber.create({ value: v }, { field: 'weight-bounds' }));
  return { lower: lo, upper: hi };
}

/** A small file read as columns, as rows of text cells (the population file). */
function rowsOf(t: ColumnTable): RowsTable {
  const names = Object.keys(t.texts);
  return {
    ...(t.file ? { file: t.file } : {}),
    headers: t.headers,
    rows: Array.from(t.rows, (row, i) => ({
      row,
      cells: Object.fromEntries(names.map((c) => [c, t.texts[c]?.levels[t.texts[c]?.codes[i] ?? -1] ?? ''])),
    })),
  };
}

function warn(warnings: Problem[] | undefined) {
  if (warnings && warnings.length > 0) printProblems(warnings);
}

export function registerSurvey(program: Command) {
  const survey = program
    .command('survey')
    .description('市民アンケートの推定 / design-based survey estimation');

  survey
    .command('estimate')
    .description(
      '平均・分布・分位点と標準誤差 / mean, distribution, quantile with standard errors (as R survey)',
    )
    .requiredOption('--data <file>', 'respondents (CSV or XLSX), one row each')
    .requiredOption('--variable <col>', 'the answer to estimate')
    .option('--weights <col>', 'sampling weights')
    .option('--strata <col>', 'strata')
    .option('--fpc <col>', 'finite population correction: >1 population size, ≤1 sampling fraction')
    .option('--cluster <col>', 'one-stage cluster (PSU) id, nested in strata')
    .option('--poststratify <cols>', 'post-stratify on these columns (crossed)')
    .option('--rake <cols>', 'rake to the margins of these columns')
    .option('--population <file>', 'population counts: one column per calibration variable and count')
    .option('--by <col>', 'estimates for each level of this column')
    .option('--distribution', 'share of each answer value')
    .option('--quantile <p>', 'quantile (0 < p < 1)')
    .option('--variance <method>', 'linearization | jk1 | bootstrap', 'linearization')
    .option('--replicates <n>', 'bootstrap replicates', '50')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option('--scale <min-max>', 'answer scale, e.g. 0-10: answers outside are errors')
    .option('--lonely-psu <rule>', 'fail | remove | certainty | adjust | average', 'fail')
    .option('--min-cell <n>', 'flag domains with fewer respondents as suppressed')
    .option('--max-iterations <n>', 'raking: most sweeps', '10')
    .option(
      '--epsilon <x>',
      'raking: stop when no cell changes by this much (below 1: a fraction of the total)',
      '1',
    )
    .option('--weight-bounds <lo,hi>', 'raking: keep each weight within lo…hi times its starting weight')
    .option('--max-file-mb <n>', 'largest data file read, in MB (default 256 for CSV, 50 for xlsx)')
    .option('--format <format>', 'json', 'json')
    .action(async (opts) => {
      const { readColumnsFile } = await import('@mirai/app/read-columns');
      const maxMb = parseNumberOption(opts.maxFileMb, 'max-file-mb');
      const maxBytes = maxMb !== undefined ? { maxBytes: Math.round(maxMb * 1024 * 1024) } : {};
      const calVars = list(opts.poststratify) ?? list(opts.rake) ?? [];
      const population = opts.population
        ? rowsOf(
            unwrap(
              await readColumnsFile(opts.population, {
                columns: { numbers: [], texts: [...calVars, 'count'] },
              }),
            ),
          )
        : undefined;
      const variance = opts.variance as string;
      if (!['linearization', 'jk1', 'bootstrap'].includes(variance))
        throw new ProblemError(
          surveyProblems.valueMissing.create({ value: `--variance ${variance}` }, { field: 'variance' }),
        );
      const scale = parseScale(opts.scale);
      const quantile = parseNumberOption(opts.quantile, 'quantile');
      const minCell = parseNumberOption(opts.minCell, 'min-cell');
      const spec: EstimateSpec = {
        variable: opts.variable,
        ...(opts.weights ? { weights: opts.weights } : {}),
        ...(opts.strata ? { strata: opts.strata } : {}),
        ...(opts.fpc ? { fpc: opts.fpc } : {}),
        ...(opts.cluster ? { cluster: opts.cluster } : {}),
        ...(opts.poststratify ? { poststratify: list(opts.poststratify) } : {}),
        ...(opts.rake ? { rake: list(opts.rake) } : {}),
        ...(population ? { population } : {}),
        ...(opts.by ? { by: opts.by } : {}),
        ...(opts.distribution ? { distribution: true } : {}),
        ...(quantile !== undefined ? { quantile } : {}),
        variance: variance as EstimateSpec['variance'],
        replicates: parseNumberOption(opts.replicates, 'replicates') ?? 50,
        seed: parseNumberOption(opts.seed, 'seed') ?? 1,
        ...(scale ? { scale } : {}),
        lonelyPsu: opts.lonelyPsu,
        ...(minCell !== undefined ? { minCell } : {}),
        rakeControl: {
          maxit: parseNumberOption(opts.maxIterations, 'max-iterations') ?? 10,
          epsilon: parseNumberOption(opts.epsilon, 'epsilon') ?? 1,
          ...(opts.weightBounds ? { bounds: parseBounds(opts.weightBounds) } : {}),
        },
      };
      const data = unwrap(
        await readColumnsFile(opts.data, { columns: columnsForEstimate(spec), ...maxBytes }),
      );
      const result = estimateFromColumns(data, spec);
      if (!result.ok) throw new ProblemError(result.problems);
      warn(result.warnings);
      printJson(result.value);
    });

  survey
    .command('table')
    .description('計画の幸福度表（年代別の回答比率と平均） / the plan’s happiness table')
    .option('--shares <file>', 'published shares: group, 0 … 10 (percent), optional mean')
    .option('--wave <code>', 'a stored survey wave (see `mirai survey import`)')
    .option('--min-cell <n>', 'with --wave: suppress groups with fewer respondents', '10')
    .option('--data-dir <dir>', 'with --wave: embedded database directory')
    .option('--database-url <url>', 'with --wave: PostgreSQL server URL')
    .option('--data <file>', 'microdata (CSV or XLSX) instead of shares')
    .option('--variable <col>', 'answer column in the microdata', 'happiness')
    .option('--group <col>', 'group column in the microdata', 'age')
    .option(
      '--population <file>',
      'population count per group (columns: <group>, count) for the corrected overall mean',
    )
    .option('--format <format>', 'json or table', 'table')
    .action(async (opts) => {
      if (opts.wave) return waveTable(opts);
      if (opts.shares) return sharesTable(opts);
      if (!opts.data)
        throw new ProblemError(
          surveyProblems.valueMissing.create({ value: '--shares or --data' }, { field: 'shares' }),
        );
      const { readTableFile } = await import('./survey-app');
      const data = unwrap(await readTableFile(opts.data));
      const rows = data.rows.map((r) => r.row);
      const y = unwrap(
        parseNumbers(
          data.rows.map((r) => r.cells[opts.variable] ?? ''),
          { column: opts.variable, file: data.file, rows },
          { scale: { min: 0, max: 10 } },
        ),
      );
      const answer = factorize(
        Array.from(y, (v) => (Number.isNaN(v) ? '' : String(v))),
        Array.from({ length: 11 }, (_, k) => String(k)),
      );
      const group = factorize(data.rows.map((r) => r.cells[opts.group] ?? ''));
      let design = unwrap(createDesign({ n: data.rows.length }));
      if (opts.population) {
        const pop = unwrap(await readTableFile(opts.population));
        const counts = new Map(pop.rows.map((r) => [r.cells[opts.group] ?? '', Number(r.cells.count)]));
        design = unwrap(
          postStratify(design, {
            factor: group,
            population: group.levels.map((l) => counts.get(l) ?? 0),
            name: opts.group,
          }),
        );
      }
      const table = unwrap(planTableFromMicrodata(design, answer, group));
      if (opts.format === 'json') return printJson({ ...table, poststratified: Boolean(opts.population) });
      const pct = (x: number) => (100 * x).toFixed(1);
      printTable(
        ['', ...Array.from({ length: 11 }, (_, k) => `${k}点`), '幸福度', 'n'],
        [...table.rows, table.overall].map((r) => [
          r.group === 'overall' ? '全体' : r.group,
          ...r.shares.map((s) => pct(s.share)),
          r.estimate.toFixed(2),
          r.n,
        ]),
      );
    });
}

async function sharesTable(opts: { shares: string; population?: string; format: string }) {
  const { readTableFile } = await import('./survey-app');
  const t = unwrap(await readTableFile(opts.shares));
  const groupCol = t.headers[0] as string;
  const valueCols = t.headers.filter((h) => /^\d+$/.test(h));
  const problems: Problem[] = [];
  const results = t.rows.map((r) => {
    const shares = valueCols.map((c) => Number(r.cells[c]));
    const published = r.cells.mean ? Number(r.cells.mean) : undefined;
    const res = meanFromShares(
      {
        group: r.cells[groupCol] ?? '',
        shares,
        ...(published !== undefined ? { publishedMean: published } : {}),
      },
      { values: valueCols.map(Number) },
    );
    if (!res.ok) problems.push(...res.problems.map((p) => ({ ...p, where: { file: t.file, row: r.row } })));
    return res.ok ? res.value : undefined;
  });
  if (problems.length > 0) throw new ProblemError(problems);
  const rows = results.filter((r) => r !== undefined);
  let overall: { mean: number; populationFile: string } | undefined;
  if (opts.population) {
    const pop = unwrap(await readTableFile(opts.population));
    const counts = new Map(
      pop.rows.map((r) => [r.cells[pop.headers[0] as string] ?? '', Number(r.cells.count)]),
    );
    const groups = rows.filter((r) => counts.has(r.group));
    overall = {
      mean: populationWeightedMean(
        groups.map((g) => g.mean),
        groups.map((g) => counts.get(g.group) as number),
      ),
      populationFile: pop.file,
    };
  }
  if (opts.format === 'json') return printJson({ rows, ...(overall ? { overall } : {}) });
  printTable(
    ['group', 'mean', 'range', 'published', 'consistent'],
    rows.map((r) => [
      r.group,
      r.mean.toFixed(4),
      `${r.lower.toFixed(3)}–${r.upper.toFixed(3)}`,
      r.publishedMean ?? '',
      r.consistent === undefined ? '' : r.consistent ? 'yes' : 'NO',
    ]),
  );
  if (overall)
    process.stdout.write(
      `overall (population-weighted, ${overall.populationFile}): ${overall.mean.toFixed(4)}\n`,
    );
}

/** The plan's table from a stored wave: shares and mean by group, small groups suppressed. */
async function waveTable(opts: {
  wave: string;
  group: string;
  minCell: string;
  format: string;
  dataDir?: string;
  databaseUrl?: string;
}) {
  const { surveyWaveTable, withApp } = await import('./survey-app');
  await withApp(opts, async (ctx) => {
    const t = unwrap(
      await surveyWaveTable(ctx, opts.wave, {
        ...(opts.group !== 'age' ? { group: opts.group } : {}),
        minCell: Number(opts.minCell),
      }),
    );
    if (opts.format === 'json') return printJson(t);
    const pct = (x: number) => (x * 100).toFixed(1);
    const values = t.rows.find((r) => r.shares)?.shares?.map((s) => String(s.value)) ?? [];
    printTable(
      [t.group, 'n', ...values.map((v) => `${v}点`), '平均'],
      [
        ...t.rows.map((r) =>
          r.suppressed
            ? [r.group, r.n, ...values.map(() => '—'), `（${t.minCell}人未満のため非表示）`]
            : [r.group, r.n, ...(r.shares ?? []).map((s) => pct(s.share)), (r.mean ?? Number.NaN).toFixed(2)],
        ),
        [
          '全体（補正後）',
          t.overall.n,
          ...(t.overall.distribution ?? []).map((s) => pct(s.share)),
          t.overall.estimate.toFixed(2),
        ],
      ],
    );
  });
}

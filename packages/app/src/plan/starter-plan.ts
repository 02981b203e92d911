/**
 * `mirai plan init`: a starter plan file for any municipality, with the
 * classic structure (a 10-year plan, a 前期 and a 後期 基本計画, levels
 * 基本目標 → 政策 → 施策 → 事務事業) and only the keys every plan has. Every
 * placeholder is marked （サンプル） so it cannot pass for the real plan. The
 * text is checked with the same loader as an import before it is returned.
 */
import type { PlanDocument, Result } from '@mirai/core';
import { loadPlanText } from './load-plan';

export interface StarterOptions {
  municipalityCode: string;
  municipalityName: string;
  /** The plan's first fiscal year (default: the next fiscal year). */
  startFiscalYear: number;
  /** Years in the plan (default 10), split into a first and a second half. */
  years?: number;
}

const q = (s: string) => JSON.stringify(s);

export function starterPlanText(o: StarterOptions): Result<{ text: string; document: PlanDocument }> {
  const years = o.years ?? 10;
  const start = o.startFiscalYear;
  const end = start + years - 1;
  const firstEnd = start + Math.ceil(years / 2) - 1;
  const name = o.municipalityName;
  const phases =
    years > 1
      ? `  - { name: { ja: 前期基本計画, en: First basic plan }, startFiscalYear: ${start}, endFiscalYear: ${firstEnd} }
  - { name: { ja: 後期基本計画, en: Second basic plan }, startFiscalYear: ${firstEnd + 1}, endFiscalYear: ${end} }`
      : `  - { name: { ja: 基本計画, en: Basic plan }, startFiscalYear: ${start}, endFiscalYear: ${end} }`;
  const text = `# ${name} 総合計画 — a starter plan file written by \`mirai plan init\`.
# Format: docs/plan-format.md; JSON Schema: data/schema/plan.schema.json.
# Only the keys every plan has are written; replace every （サンプル） entry with the plan's own.
# Check it with \`mirai plan validate FILE\`, store it with \`mirai plan import FILE\`.
formatVersion: 1

municipality:
  code: ${q(o.municipalityCode)}
  name: { ja: ${q(name)} }

plan:
  code: ${q(`plan-${o.municipalityCode}`)}
  title: { ja: ${q(`（サンプル）${name}総合計画`)} }
  startFiscalYear: ${start}
  endFiscalYear: ${end}
  status: draft

# The plan's names for its levels, shown on every page, sheet, report and CLI output.
levelNames:
  strategy: { ja: 基本目標, en: Basic goal }
  field: { ja: 政策, en: Policy }
  phase: { ja: 基本計画, en: Basic plan }
  measure: { ja: 施策, en: Measure }
  project: { ja: 事務事業, en: Project }

strategies:
  - { code: G1, name: { ja: （サンプル）基本目標1 } }

fields:
  - { code: G1-1, strategy: G1, name: { ja: （サンプル）政策1 } }

# Phases of any length that together cover the plan; each may have a name.
phases:
${phases}

indicators:
  - code: K-G1-1
    name: { ja: （サンプル）成果指標 }
    unit: { ja: 件 }
    direction: higher-is-better
    serves: G1-1
`;
  const loaded = loadPlanText(text, 'plan.yaml');
  return loaded.ok ? { ok: true, value: { text, document: loaded.value } } : loaded;
}

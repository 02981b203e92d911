/**
 * The theory-of-change check on a measure sheet: per link of the measure's
 * logic model, how both ends' indicators moved, what that suggests (the
 * core's `theoryCheck`, run on the server), and the evaluator's finding with
 * its evidence, stored in the sheet's `theoryFindings`.
 */
import {
  type Finding,
  findingLabels,
  type LinkCheckRow,
  type LinkFinding,
  linkFindings,
  logicNodeKindLabels,
  type Movement,
  type SuggestionReason,
} from '@mirai/core';
import { useLang } from '../i18n/lang';
import { Ja, L, Paren, T } from '../ui/text';

const movementLabels: Record<Movement, { ja: string; en: string }> = {
  improving: { ja: '改善', en: 'improving' },
  flat: { ja: '横ばい', en: 'flat' },
  worsening: { ja: '悪化', en: 'worsening' },
  mixed: { ja: 'まちまち', en: 'mixed' },
  unknown: { ja: 'データなし', en: 'no data' },
};

const reasonLabels: Record<SuggestionReason, { ja: string; en: string }> = {
  'both-improving': { ja: '両端の指標が改善', en: 'both ends improved' },
  'downstream-partly': { ja: '上流は改善、下流は一部', en: 'upstream improved, downstream partly' },
  'upstream-partly': { ja: '上流の指標が一部のみ改善', en: 'upstream improved only partly' },
  'downstream-not-following': {
    ja: '上流は改善したが下流が続かない（因果の切れ目の候補）',
    en: 'upstream improved, downstream did not follow (a candidate broken link)',
  },
  'upstream-not-moving': { ja: '上流が動いておらず検証できない', en: 'upstream did not move: not tested' },
  'no-data': { ja: '指標のデータが足りない', en: 'not enough indicator data' },
};

interface Props {
  rows: LinkCheckRow[];
  findings: LinkFinding[];
  disabled: boolean;
  onChange: (findings: LinkFinding[]) => void;
}

export function SheetTheory({ rows, findings, disabled, onChange }: Props) {
  const lang = useLang();
  const set = (row: LinkCheckRow, patch: Partial<LinkFinding>) => {
    const prior = findings.find((f) => f.linkId === row.linkId);
    const next: LinkFinding = {
      linkId: row.linkId,
      finding: prior?.finding ?? row.suggested,
      evidence: prior?.evidence ?? '',
      suggested: row.suggested,
      ...patch,
    };
    onChange(prior ? findings.map((f) => (f.linkId === row.linkId ? next : f)) : [...findings, next]);
  };
  return (
    <section aria-labelledby="theory-h">
      <h2 id="theory-h">
        <L ja="施策の論理（セオリー・オブ・チェンジ）の点検" en="Theory-of-change check" />
      </h2>
      <p>
        <L
          ja="つながりごとに、両端の指標の動きから判定を提案します。提案を確かめ、判定と根拠を記入してください。"
          en="For each link the indicators' movement suggests a finding; check it and record your finding with its evidence."
        />
      </p>
      <ol id="theory-links">
        {rows.map((row, i) => {
          const f = findings.find((x) => x.linkId === row.linkId);
          const id = `theory-${i}`;
          return (
            <li key={row.linkId} className="theory-link">
              <h3 id={`${id}-h`}>
                <T text={logicNodeKindLabels[row.from.kind]} />「<Ja>{row.from.label}</Ja>」
                <Paren>
                  <T text={movementLabels[row.from.movement]} />
                </Paren>
                → <T text={logicNodeKindLabels[row.to.kind]} />「<Ja>{row.to.label}</Ja>」
                <Paren>
                  <T text={movementLabels[row.to.movement]} />
                </Paren>
              </h3>
              {row.assumption ? <p>{row.assumption}</p> : null}
              <p className="suggestion">
                <L ja="指標からの提案" en="Suggested by the indicators" />:{' '}
                <strong>
                  <T text={findingLabels[row.suggested]} />
                </strong>
                <Paren>
                  <T text={reasonLabels[row.reason]} />
                </Paren>{' '}
                {!disabled && f?.finding !== row.suggested ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => set(row, { finding: row.suggested })}
                  >
                    <L ja="提案を使う" en="Use the suggestion" />
                  </button>
                ) : null}
              </p>
              <div className="field">
                <label htmlFor={`${id}-finding`}>
                  <L ja="判定" en="Finding" />
                </label>
                <select
                  id={`${id}-finding`}
                  value={f?.finding ?? ''}
                  disabled={disabled}
                  onChange={(e) =>
                    e.currentTarget.value
                      ? set(row, { finding: e.currentTarget.value as Finding })
                      : onChange(findings.filter((x) => x.linkId !== row.linkId))
                  }
                >
                  <option value="">{lang === 'en' ? '(not recorded)' : '（未記入）'}</option>
                  {linkFindings.map((k) => (
                    <option key={k} value={k}>
                      {findingLabels[k][lang]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-evidence`}>
                  <L ja="根拠" en="Evidence" />
                </label>
                <textarea
                  id={`${id}-evidence`}
                  rows={2}
                  value={f?.evidence ?? ''}
                  disabled={disabled}
                  onChange={(e) => set(row, { evidence: e.currentTarget.value })}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

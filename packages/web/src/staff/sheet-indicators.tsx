/**
 * The sheet's indicator rows as the workbook lays them out: per indicator the
 * previous and the evaluated year's target, actual and achievement, and the
 * final target. Rows are joined in the browser by the core's
 * `joinIndicatorRows` from the figures the server read. The clerk adds
 * activity (活動・アウトプット) or outcome (成果) indicators of the plan where
 * the template asks for them, and removes only those added.
 */
import {
  type IndicatorFigures,
  type IndicatorRef,
  type IndicatorRow,
  joinIndicatorRows,
  type SheetContent,
  type TemplateSet,
} from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { Ja, L, Num, Paren } from '../ui/text';
import { FiscalYear } from '../ui/years';

export const roleLabels = {
  activity: { ja: '活動指標（アウトプット）', en: 'Activity / output indicator' },
  outcome: { ja: '成果指標（アウトカム）', en: 'Outcome indicator' },
} as const;

interface Props {
  content: SheetContent;
  templates: TemplateSet;
  figures: IndicatorFigures[];
  fixed: IndicatorRef[];
  fiscalYear: number;
  disabled: boolean;
  onChange: (refs: IndicatorRef[]) => void;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function Figure({ value, unit }: { value: number | null; unit: string }) {
  return value === null ? (
    <>—</>
  ) : (
    <>
      <Num value={value} digits={Number.isInteger(value) ? 0 : 1} />
      {unit}
    </>
  );
}

export function SheetIndicators({
  content,
  templates,
  figures,
  fixed,
  fiscalYear,
  disabled,
  onChange,
}: Props) {
  const lang = useLang();
  const joined = joinIndicatorRows(content.indicators, figures, fiscalYear);
  const rows: IndicatorRow[] = joined.ok ? joined.value : [];
  const min = templates[content.kind].indicators;
  const fixedCodes = new Set(fixed.map((f) => f.code));
  const onSheet = new Set(content.indicators.map((r) => r.code));
  const choices = figures.filter((f) => !onSheet.has(f.code));
  const [code, setCode] = useState('');
  const [role, setRole] = useState<IndicatorRef['role']>(min.activity > 0 ? 'activity' : 'outcome');
  const count = (r: IndicatorRef['role']) => content.indicators.filter((x) => x.role === r).length;
  return (
    <section aria-labelledby="indicators-h">
      <h2 id="indicators-h">
        <L ja="指標（目標・実績・達成度）" en="Indicators (targets, actuals, achievement)" />
      </h2>
      <p id="indicator-minimums">
        {(['activity', 'outcome'] as const)
          .filter((r) => min[r] > 0)
          .map((r) => (
            <span key={r}>
              <L
                ja={`${roleLabels[r].ja}：${min[r]}件以上（現在 ${count(r)}件）`}
                en={`${roleLabels[r].en}: at least ${min[r]} (now ${count(r)})`}
              />{' '}
            </span>
          ))}
      </p>
      <div className="table-scroll">
        <table id="indicator-rows">
          <caption>
            <L
              ja="指標の目標と実績（指標の記録から）"
              en="Indicator targets and actuals (from the indicator records)"
            />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="区分" en="Role" />
              </th>
              <th scope="col">
                <L ja="指標" en="Indicator" />
              </th>
              <th scope="col">
                <FiscalYear fy={fiscalYear - 1} /> <L ja="目標／実績" en="target / actual" />
              </th>
              <th scope="col">
                <FiscalYear fy={fiscalYear} /> <L ja="目標" en="target" />
              </th>
              <th scope="col">
                <FiscalYear fy={fiscalYear} /> <L ja="実績" en="actual" />
              </th>
              <th scope="col">
                <L ja="達成度" en="Achievement" />
              </th>
              <th scope="col">
                <L ja="最終目標（達成度）" en="Final target (achievement)" />
              </th>
              <th scope="col">
                <L ja="操作" en="Action" />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <td>{lang === 'en' ? roleLabels[r.role].en : roleLabels[r.role].ja}</td>
                <th scope="row">
                  <Ja>{r.name}</Ja>
                  <Paren>{r.code}</Paren>
                </th>
                <td>
                  <Figure value={r.previous.target} unit={r.unit} /> ／{' '}
                  <Figure value={r.previous.actual} unit={r.unit} />
                </td>
                <td>
                  <Figure value={r.current.target} unit={r.unit} />
                </td>
                <td>
                  <Figure value={r.current.actual} unit={r.unit} />
                </td>
                <td>{pct(r.current.achievement)}</td>
                <td>
                  {r.final ? (
                    <>
                      <Figure value={r.final.target} unit={r.unit} />
                      <Paren>
                        <FiscalYear fy={r.final.fiscalYear} />・{pct(r.final.achievement)}
                      </Paren>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {fixedCodes.has(r.code) ? (
                    <L ja="計画から" en="From the plan" />
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled}
                      aria-label={lang === 'en' ? `Remove ${r.name}` : `${r.name}を外す`}
                      onClick={() => onChange(content.indicators.filter((x) => x.code !== r.code))}
                    >
                      <L ja="外す" en="Remove" />
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!disabled && choices.length > 0 ? (
        <fieldset id="indicator-add">
          <legend>
            <L ja="指標を追加する" en="Add an indicator" />
          </legend>
          <div className="field">
            <label htmlFor="add-indicator-code">
              <L ja="計画の指標" en="Indicator of the plan" />
            </label>
            <select id="add-indicator-code" value={code} onChange={(e) => setCode(e.currentTarget.value)}>
              <option value="">{lang === 'en' ? '(choose)' : '（選択）'}</option>
              {choices.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.code} {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="add-indicator-role">
              <L ja="区分" en="Role" />
            </label>
            <select
              id="add-indicator-role"
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as IndicatorRef['role'])}
            >
              {(['activity', 'outcome'] as const).map((r) => (
                <option key={r} value={r}>
                  {lang === 'en' ? roleLabels[r].en : roleLabels[r].ja}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={code === ''}
            onClick={() => {
              onChange([...content.indicators, { code, role }]);
              setCode('');
            }}
          >
            <L ja="追加する" en="Add" />
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}

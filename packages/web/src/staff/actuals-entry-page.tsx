/**
 * One indicator's actuals: a form to record a value (checked as you type: a
 * number as the import reads it, full-width digits and separators included,
 * inside the indicator's range) and its values, each correctable.
 * Corrections add a version; the earlier ones stay visible. The grid of all
 * indicators × years is actuals-grid-page.tsx.
 */
import { parseLooseNumber } from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L, Num, Paren, SampleBadge, T } from '../ui/text';
import { FiscalYear, fiscalYearText } from '../ui/years';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

/** The message for a value as typed, or null when it can be sent. */
export function valueProblem(
  text: string,
  range: { min?: number; max?: number } | undefined,
  lang: 'ja' | 'en',
): string | null {
  if (text.trim() === '') return lang === 'en' ? 'Enter a value.' : '値を入力してください。';
  const v = parseLooseNumber(text);
  if (v === undefined) return lang === 'en' ? 'Not a number.' : '数値ではありません。';
  if (range?.min !== undefined && v < range.min)
    return lang === 'en' ? `At least ${range.min}.` : `${range.min} 以上にしてください。`;
  if (range?.max !== undefined && v > range.max)
    return lang === 'en' ? `At most ${range.max}.` : `${range.max} 以下にしてください。`;
  return null;
}

export function ActualsEntryPage({ model }: { model: Extract<PageModel, { page: 'staff-indicator' }> }) {
  const lang = useLang();
  const i = model.indicator;
  const range = i.definition.range;
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const message = valueProblem(value, range, lang);
  const api = apiClient('indicators', model.session.csrfToken).api.v1;

  async function post(call: Promise<{ ok: boolean; json(): Promise<unknown> }>) {
    const res = await call;
    if (res.ok) {
      setProblems([]);
      setSaved(lang === 'en' ? 'Saved. Reloading…' : '保存しました。再読み込みします…');
      window.location.reload();
    } else setProblems(problemsOf(await res.json().catch(() => null)));
  }

  return (
    <main id="main">
      <p>
        <a href="/staff/indicators">
          <L ja="実績値の表（全指標）へ" en="Actuals grid (all indicators)" />
        </a>
      </p>
      <h1>
        <T text={i.name} /> <SampleBadge sample={i.sample} />
      </h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (message) return;
          const d = new FormData(e.currentTarget);
          void post(
            api.indicators[':code'].actuals.$post({
              param: { code: i.code },
              json: {
                fiscalYear: Number(d.get('fiscalYear')),
                value: parseLooseNumber(value) ?? Number.NaN,
                source: String(d.get('source') ?? ''),
                ...(d.get('note') ? { note: String(d.get('note')) } : {}),
              },
            }),
          );
        }}
      >
        <fieldset>
          <legend>
            <L ja="実績値を登録" en="Record an actual" />
          </legend>
          <div className="field">
            <label htmlFor="fiscalYear">
              <L ja="年度" en="Fiscal year" />
            </label>
            <select id="fiscalYear" name="fiscalYear" defaultValue={model.defaultYear}>
              {model.fiscalYears.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearText(y, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="value">
              <L ja="値" en="Value" />
              <Paren>
                <T text={i.unit} />
              </Paren>
            </label>
            <input
              id="value"
              name="value"
              inputMode="decimal"
              value={value}
              aria-invalid={touched && message ? true : undefined}
              aria-describedby="value-msg"
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setTouched(true);
              }}
            />
            <span id="value-msg" className={touched && message ? 'error' : 'note'} aria-live="polite">
              {touched && message ? message : range ? `${range.min ?? ''}–${range.max ?? ''}` : ''}
            </span>
          </div>
          <div className="field">
            <label htmlFor="source">
              <L ja="出典" en="Source" />
            </label>
            <input id="source" name="source" required />
          </div>
          <div className="field">
            <label htmlFor="note">
              <L ja="備考" en="Note" />
            </label>
            <input id="note" name="note" />
          </div>
          <button type="submit">
            <L ja="登録" en="Record" />
          </button>
        </fieldset>
      </form>
      {saved ? <p role="status">{saved}</p> : null}
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
      <h2>
        <L ja="登録済みの値と訂正" en="Recorded values and corrections" />
      </h2>
      {i.values.length === 0 ? (
        <p>
          <L ja="まだありません。" en="None yet." />
        </p>
      ) : (
        <table>
          <caption>
            <L
              ja="現在の値（訂正すると新しい版が加わります）"
              en="Current values (a correction adds a version)"
            />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="年度" en="Fiscal year" />
              </th>
              <th scope="col">
                <L ja="値" en="Value" />
              </th>
              <th scope="col">
                <L ja="版" en="Versions" />
              </th>
              <th scope="col">
                <L ja="訂正" en="Correct" />
              </th>
            </tr>
          </thead>
          <tbody>
            {i.values.map((v) => (
              <tr key={v.key}>
                <th scope="row">
                  <FiscalYear fy={v.fiscalYear} />
                  {v.area ? <Paren>{v.area}</Paren> : null}
                </th>
                <td className="num">
                  <Num value={v.current.value} digits={2} />
                </td>
                <td className="num">{v.versions.length}</td>
                <td>
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      const d = new FormData(e.currentTarget);
                      const text = String(d.get('value') ?? '');
                      if (valueProblem(text, range, lang)) return;
                      void post(
                        api.actuals[':id'].corrections.$post({
                          param: { id: v.current.id },
                          json: {
                            value: parseLooseNumber(text) ?? Number.NaN,
                            note: String(d.get('note') ?? '') || undefined,
                          },
                        }),
                      );
                    }}
                  >
                    <label htmlFor={`c-${v.current.id}`}>
                      <L ja="正しい値" en="Correct value" />
                    </label>{' '}
                    <input id={`c-${v.current.id}`} name="value" inputMode="decimal" size={8} required />{' '}
                    <label htmlFor={`n-${v.current.id}`}>
                      <L ja="理由" en="Reason" />
                    </label>{' '}
                    <input id={`n-${v.current.id}`} name="note" size={12} required />{' '}
                    <button type="submit" className="secondary">
                      <L ja="訂正" en="Correct" />
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

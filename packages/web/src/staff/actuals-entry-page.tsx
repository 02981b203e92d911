/**
 * Entering and correcting indicator actuals: the list of indicators, and one
 * indicator's form (checked as you type: a number, inside the indicator's
 * range) with its values, each correctable. Corrections add a version; the
 * earlier ones stay visible.
 */
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { StatusBadge } from '../ui/status-badge';
import { L, Num, SampleBadge, T } from '../ui/text';
import { FiscalYear, fiscalYearText } from '../ui/years';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

export function StaffIndicatorsPage({ model }: { model: Extract<PageModel, { page: 'staff-indicators' }> }) {
  return (
    <main id="main">
      <h1>
        <L ja="実績値の入力と訂正" en="Enter and correct actuals" />
      </h1>
      <table>
        <caption>
          <L ja="成果指標" en="Indicators" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="指標" en="Indicator" />
            </th>
            <th scope="col">
              <L ja="最新値" en="Latest" />
            </th>
            <th scope="col">
              <L ja="状況" en="Status" />
            </th>
          </tr>
        </thead>
        <tbody>
          {model.indicators.map((i) => (
            <tr key={i.code}>
              <td>
                <a href={`/staff/indicators/${encodeURIComponent(i.code)}`}>
                  <T text={i.name} />
                </a>{' '}
                <SampleBadge sample={i.sample} />
              </td>
              <td className="num">
                {i.latest ? (
                  <>
                    <Num value={i.latest.value} digits={2} />（<FiscalYear fy={i.latest.fiscalYear} />）
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <StatusBadge statusKey={i.status.key} label={i.status.label} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

/** The message for a value as typed, or null when it can be sent. */
export function valueProblem(
  text: string,
  range: { min?: number; max?: number } | undefined,
  lang: 'ja' | 'en',
): string | null {
  if (text.trim() === '') return lang === 'en' ? 'Enter a value.' : '値を入力してください。';
  const v = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(v)) return lang === 'en' ? 'Not a number.' : '数値ではありません。';
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
          <L ja="指標の一覧へ" en="All indicators" />
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
                value: Number(value.replace(/,/g, '')),
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
            <select id="fiscalYear" name="fiscalYear">
              {model.fiscalYears.map((y) => (
                <option key={y} value={y}>
                  {fiscalYearText(y, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="value">
              <L ja="値" en="Value" />（<T text={i.unit} />）
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
                  {v.area ? `（${v.area}）` : ''}
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
                            value: Number(text.replace(/,/g, '')),
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

/**
 * The survey wave import wizard: 1) choose the responses file (CSV in UTF-8
 * or Shift_JIS, or xlsx) and describe the wave, 2) check it on the server
 * (a dry run: the row count, or every problem with its row and column),
 * 3) confirm to store it. Nothing is stored before step 3. Each step runs as a
 * background job on the server, which the page follows to its result.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L, T } from '../ui/text';
import { apiClient } from './api-client';
import { followJob, startedJob } from './follow-job';
import { type ApiProblem, ProblemsTable } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-survey-import' }>;
type Step = 'edit' | 'checked' | 'done';
/** The wave described in this form (one question) or by a YAML/JSON file (several questions). */
type Mode = 'form' | 'file';

export function SurveyImportPage({ model }: { model: Model }) {
  const lang = useLang();
  const form = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState<Step>('edit');
  const [mode, setMode] = useState<Mode>('form');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [result, setResult] = useState<{ code: string; respondents: number } | null>(null);

  function body(dryRun: boolean) {
    const f = form.current;
    if (!f) return null;
    const d = new FormData(f);
    const split = (k: string) =>
      String(d.get(k) ?? '')
        .split(/[,、]/)
        .map((s) => s.trim())
        .filter(Boolean);
    const indicator = String(d.get('indicator') ?? '');
    const post = split('poststratify');
    const meta = {
      code: String(d.get('code') ?? '').trim(),
      title: String(d.get('title') ?? '').trim(),
      questions: [
        {
          code: String(d.get('question') ?? '').trim(),
          wording: { ja: String(d.get('wording') ?? '').trim() || String(d.get('question') ?? '') },
          scale: { min: Number(d.get('min')), max: Number(d.get('max')) },
          ...(indicator ? { indicator } : {}),
        },
      ],
      attributes: split('attributes'),
      ...(post.length ? { calibration: { poststratify: post } } : {}),
    };
    const file = (k: string) => {
      const f = d.get(k);
      return f instanceof File && f.size > 0 ? f : undefined;
    };
    const description = file('description');
    return {
      responses: file('responses'),
      population: file('population'),
      ...(mode === 'file' && description ? { description } : { meta: JSON.stringify(meta) }),
      ...(dryRun ? { dryRun: 'true' } : {}),
    };
  }

  async function send(dryRun: boolean) {
    const data = body(dryRun);
    if (!data) return;
    setBusy(true);
    const res = await apiClient('surveys', model.session.csrfToken).api.v1.surveys.waves.$post({
      form: data,
    });
    // The server answers a background job (decision 0098): follow it to its result or problems.
    const started = startedJob(res, await res.json().catch(() => null));
    const job =
      'jobId' in started
        ? await followJob(started.jobId, model.session.csrfToken, setProgress)
        : { status: 'failed' as const, problems: started.problems };
    setBusy(false);
    setProgress('');
    if (job.status !== 'succeeded') {
      setProblems(job.problems ?? []);
      setResult(null);
      setStep('edit');
      return;
    }
    setProblems([]);
    setResult(job.result as { code: string; respondents: number });
    setStep(dryRun ? 'checked' : 'done');
  }

  const check = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };

  return (
    <main id="main">
      <h1>
        <L ja="調査の回を取り込む" en="Import a survey wave" />
      </h1>
      <ol className="steps" aria-label={lang === 'en' ? 'Steps' : '手順'}>
        {(
          [
            ['edit', 'ファイルと設定', 'Files and settings'],
            ['checked', '確認', 'Check'],
            ['done', '取り込み完了', 'Imported'],
          ] as const
        ).map(([k, ja, en]) => (
          <li key={k} aria-current={step === k ? 'step' : undefined}>
            <L ja={ja} en={en} />
          </li>
        ))}
      </ol>
      <form ref={form} onSubmit={check} onChange={() => step === 'checked' && setStep('edit')}>
        <fieldset disabled={step === 'done'}>
          <legend>
            <L ja="1. ファイルと設定" en="1. Files and settings" />
          </legend>
          <div className="field">
            <label htmlFor="responses">
              <L
                ja="回答データ（CSV：UTF-8 または Shift_JIS、または xlsx）"
                en="Responses (CSV in UTF-8 or Shift_JIS, or xlsx)"
              />
            </label>
            <input id="responses" name="responses" type="file" accept=".csv,.xlsx" required />
          </div>
          <div className="field">
            <label htmlFor="population">
              <L ja="補正用の人口表（任意）" en="Population table for calibration (optional)" />
            </label>
            <input id="population" name="population" type="file" accept=".csv,.xlsx" />
          </div>
          <fieldset className="choice">
            <legend>
              <L ja="回の設定の指定方法" en="How the wave is described" />
            </legend>
            <label>
              <input
                type="radio"
                name="mode"
                value="form"
                checked={mode === 'form'}
                onChange={() => setMode('form')}
              />{' '}
              <L ja="この画面で入力（設問は一つ）" en="In this form (one question)" />
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                value="file"
                checked={mode === 'file'}
                onChange={() => setMode('file')}
              />{' '}
              <L
                ja="設定ファイルで指定（YAML/JSON、複数の設問）"
                en="By a description file (YAML/JSON, several questions)"
              />
            </label>
          </fieldset>
          {mode === 'file' ? (
            <div className="field">
              <label htmlFor="description">
                <L ja="回の設定ファイル（YAML または JSON）" en="Wave description (YAML or JSON)" />
              </label>
              <input id="description" name="description" type="file" accept=".yaml,.yml,.json" required />
              <span className="note">
                <L
                  ja="コマンド mirai survey import --description と同じ形式です（例：データ フォルダの survey-wave.sample.yaml）。"
                  en="The same format as mirai survey import --description (e.g. survey-wave.sample.yaml in the data folder)."
                />
              </span>
            </div>
          ) : (
            <>
              <div className="field">
                <label htmlFor="code">
                  <L ja="回のコード" en="Wave code" />
                </label>
                <input id="code" name="code" required defaultValue="" />
              </div>
              <div className="field">
                <label htmlFor="title">
                  <L ja="回の名前" en="Wave title" />
                </label>
                <input id="title" name="title" required />
              </div>
              <div className="field">
                <label htmlFor="question">
                  <L ja="設問の列名" en="Question column" />
                </label>
                <input id="question" name="question" required defaultValue="幸福度" />
              </div>
              <div className="field">
                <label htmlFor="wording">
                  <L ja="設問文" en="Question wording" />
                </label>
                <input id="wording" name="wording" defaultValue="あなたは現在どの程度幸せですか" />
              </div>
              <div className="field">
                <label htmlFor="min">
                  <L ja="尺度の最小値" en="Scale minimum" />
                </label>
                <input id="min" name="min" type="number" required defaultValue={0} />
              </div>
              <div className="field">
                <label htmlFor="max">
                  <L ja="尺度の最大値" en="Scale maximum" />
                </label>
                <input id="max" name="max" type="number" required defaultValue={10} />
              </div>
              <div className="field">
                <label htmlFor="indicator">
                  <L ja="対応する指標" en="Indicator it measures" />
                </label>
                <select id="indicator" name="indicator" defaultValue={model.surveyIndicators[0]?.code ?? ''}>
                  <option value="">{lang === 'en' ? '(none)' : '（なし）'}</option>
                  {model.surveyIndicators.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code}
                    </option>
                  ))}
                </select>
                {model.surveyIndicators.map((i) => (
                  <span key={i.code} className="note">
                    {i.code}: <T text={i.name} />{' '}
                  </span>
                ))}
              </div>
              <div className="field">
                <label htmlFor="attributes">
                  <L ja="属性の列名（カンマ区切り）" en="Attribute columns (comma-separated)" />
                </label>
                <input id="attributes" name="attributes" defaultValue="年代,性別" />
              </div>
              <div className="field">
                <label htmlFor="poststratify">
                  <L ja="事後層化に使う属性（任意）" en="Post-stratify by (optional)" />
                </label>
                <input id="poststratify" name="poststratify" defaultValue="" />
              </div>
            </>
          )}
          <button type="submit" disabled={busy}>
            <L ja="2. 確認する（まだ保存しません）" en="2. Check (nothing is stored yet)" />
          </button>
        </fieldset>
      </form>
      <div aria-live="polite" id="import-status">
        {busy ? (
          <p>
            <L ja="サーバーで確認しています…" en="Checking on the server…" /> {progress}
          </p>
        ) : null}
        {step === 'checked' && result ? (
          <section aria-labelledby="confirm-h">
            <h2 id="confirm-h">
              <L ja="確認の結果" en="Check result" />
            </h2>
            <p id="import-preview">
              <L
                ja={`問題はありません。回「${result.code}」の回答 ${result.respondents} 件を取り込めます。`}
                en={`No problems. Wave "${result.code}" with ${result.respondents} respondents can be imported.`}
              />
            </p>
            <button type="button" onClick={() => void send(false)} disabled={busy}>
              <L ja="3. 取り込む" en="3. Import" />
            </button>
          </section>
        ) : null}
        {step === 'done' && result ? (
          <p id="import-done">
            <L
              ja={`回「${result.code}」（${result.respondents} 件）を下書きとして保存しました。公表は別の操作です。`}
              en={`Stored wave "${result.code}" (${result.respondents} respondents) as a draft; publishing is a separate step.`}
            />
          </p>
        ) : null}
      </div>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </main>
  );
}

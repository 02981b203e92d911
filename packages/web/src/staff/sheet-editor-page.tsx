/**
 * The evaluation sheet editor: the template's fields, checked as you type
 * (the same `validateSheet` the server runs), drafts saved automatically a
 * moment after the last change with the version read; when someone saved
 * first, a conflict notice shows both versions side by side and lets the
 * user keep theirs or take the saved one. Beside the form: the indicator rows
 * (add and remove indicators), the theory-of-change check on measure sheets,
 * the comment threads and the earlier years' sheets. Workflow buttons
 * (submit, approve, return with a comment, …) are those the server allows
 * this user; a disabled submit says why (the same check's problems).
 */
import { type SheetAction, type SheetContent, sheetStateLabels, validateSheet } from '@mirai/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Ja, L, Num, Paren, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { apiClient } from './api-client';
import { SheetComments } from './sheet-comments';
import { SheetForm, valueAt, withValue } from './sheet-form';
import { SheetIndicators } from './sheet-indicators';
import { PartnerContributions } from './sheet-partner-contributions';
import { SheetTheory } from './sheet-theory';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-sheet' }>;
type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

const actionLabels: Record<string, { ja: string; en: string }> = {
  submit: { ja: '提出する', en: 'Submit' },
  withdraw: { ja: '提出を取り下げる', en: 'Withdraw' },
  approve: { ja: '承認する', en: 'Approve' },
  return: { ja: '差し戻す', en: 'Return' },
  review: { ja: '審査済みにする', en: 'Mark reviewed' },
  see: { ja: '確認済みにする', en: 'Mark seen' },
};

/** Dotted paths whose values differ between two contents (for the conflict notice). */
function differingPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differingPaths((a as never)[k], (b as never)[k], prefix ? `${prefix}.${k}` : k),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

export function SheetEditorPage({ model }: { model: Model }) {
  const lang = useLang();
  const { view, templates, checks, session, extras } = model;
  const [content, setContent] = useState<SheetContent>(view.sheet.content);
  const [version, setVersion] = useState(view.sheet.version);
  const [save, setSave] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<{ content: SheetContent; version: number } | null>(null);
  const [serverProblems, setServerProblems] = useState<ApiProblem[]>([]);
  const [comment, setComment] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editable = ['draft', 'returned'].includes(view.sheet.state) && view.allowedActions.includes('submit');
  const problems = useMemo(() => {
    const r = validateSheet(content, templates, checks);
    return r.ok ? [] : r.problems;
  }, [content, templates, checks]);
  const sheet = apiClient('sheets', session.csrfToken).api.v1.evaluation.sheets[':id'];
  const param = { id: view.sheet.id };

  async function saveNow(next: SheetContent, expectedVersion: number) {
    setSave('saving');
    const res = await sheet.$put({ param, json: { expectedVersion, content: next } });
    const body = (await res.json().catch(() => null)) as {
      sheet?: { version: number };
      version?: number;
    } | null;
    if (res.ok) {
      setVersion(body?.sheet?.version ?? body?.version ?? expectedVersion + 1);
      setSave('saved');
      setSavedAt(new Date().toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ja-JP'));
      setServerProblems([]);
      return;
    }
    if (res.status === 409) {
      const latest = (await (await sheet.$get({ param })).json()) as {
        sheet: { content: SheetContent; version: number };
      };
      setTheirs({ content: latest.sheet.content, version: latest.sheet.version });
      setSave('conflict');
      return;
    }
    setServerProblems(problemsOf(body));
    setSave('error');
  }

  function change(path: string, value: unknown) {
    const next = withValue(content, path, value);
    setContent(next);
    if (!editable || theirs) return;
    setSave('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(next, version), 1200);
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function act(action: SheetAction) {
    const res = await sheet[action].$post({
      param,
      json: { expectedVersion: version, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    });
    if (res.ok) window.location.reload();
    else setServerProblems(problemsOf(await res.json().catch(() => null)));
  }

  const busy = save === 'pending' || save === 'saving' || theirs !== null;
  const submitBlocked = view.allowedActions.includes('submit') && (busy || problems.length > 0);
  const diffs = theirs ? differingPaths(content, theirs.content).filter((p) => p !== 'comments') : [];
  const stateLabel = sheetStateLabels[view.sheet.state as keyof typeof sheetStateLabels] ?? {
    ja: view.sheet.state,
    en: view.sheet.state,
  };
  return (
    <main id="main">
      <p>
        <a href={`/staff/rounds/${view.round.fiscalYear}`}>
          <FiscalYear fy={view.round.fiscalYear} />
          <L ja="の評価へ" en=" evaluation" />
        </a>
      </p>
      <h1>
        <Ja>{view.sheet.content.name}</Ja>
        <Paren>{view.sheet.code}</Paren>
      </h1>
      <p>
        <L ja="状態" en="State" />:{' '}
        <span className="status" id="sheet-state">
          <T text={stateLabel} />
        </span>{' '}
        <L ja={`版 ${version}`} en={`version ${version}`} /> ・ {view.sheet.departmentCode}
        {templates.sample ? (
          <>
            {' '}
            <span className="badge sample">
              <L ja="様式：サンプル（標準）" en="Form: sample default" />
            </span>
          </>
        ) : null}
      </p>
      <p id="save-status" role="status" aria-live="polite">
        {save === 'pending' ? <L ja="変更あり（まもなく自動保存）" en="Changed (saving shortly)" /> : null}
        {save === 'saving' ? <L ja="保存中…" en="Saving…" /> : null}
        {save === 'saved' ? (
          <L ja={`下書きを保存しました（${savedAt}）`} en={`Draft saved (${savedAt})`} />
        ) : null}
        {save === 'error' ? <L ja="保存できませんでした" en="Could not save" /> : null}
      </p>

      {theirs ? (
        <section className="conflict" aria-labelledby="conflict-h" role="alert">
          <h2 id="conflict-h">
            <L ja="ほかの人が先に保存しました" en="Someone else saved first" />
          </h2>
          <p>
            <L
              ja={`あなたが読んだ版 ${version} の後に版 ${theirs.version} が保存されています。違う項目を比べて、どちらを残すか選んでください。`}
              en={`Version ${theirs.version} was saved after the version ${version} you read. Compare the differing fields and choose.`}
            />
          </p>
          <div className="table-scroll">
            <table id="conflict-table">
              <caption>
                <L ja="違う項目" en="Differing fields" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <L ja="項目" en="Field" />
                  </th>
                  <th scope="col">
                    <L ja="あなたの内容" en="Yours" />
                  </th>
                  <th scope="col">
                    <L ja={`保存済み（版 ${theirs.version}）`} en={`Saved (version ${theirs.version})`} />
                  </th>
                </tr>
              </thead>
              <tbody>
                {diffs.map((p) => (
                  <tr key={p}>
                    <th scope="row">
                      {(() => {
                        const f = templates[content.kind].fields.find((x) => x.path === p);
                        return f ? <T text={f.label} /> : p;
                      })()}
                    </th>
                    <td>{JSON.stringify(valueAt(content, p)) ?? '—'}</td>
                    <td>{JSON.stringify(valueAt(theirs.content, p)) ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            onClick={() => {
              const v = theirs.version;
              setTheirs(null);
              void saveNow(content, v);
            }}
          >
            <L ja="自分の内容で保存し直す" en="Save mine over it" />
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setContent(theirs.content);
              setVersion(theirs.version);
              setTheirs(null);
              setSave('idle');
            }}
          >
            <L ja="保存済みの内容を使う" en="Use the saved one" />
          </button>
        </section>
      ) : null}

      <form onSubmit={(e) => e.preventDefault()}>
        <SheetForm
          content={content}
          templates={templates}
          problems={problems}
          disabled={!editable}
          onChange={change}
        />
      </form>

      <SheetIndicators
        content={content}
        templates={templates}
        figures={extras.figures}
        fixed={extras.fixedIndicators}
        fiscalYear={view.round.fiscalYear}
        disabled={!editable}
        onChange={(refs) => change('indicators', refs)}
      />

      {content.kind === 'measure' && extras.theory && extras.theory.length > 0 ? (
        <SheetTheory
          rows={extras.theory}
          findings={content.theoryFindings}
          disabled={!editable}
          onChange={(findings) => change('theoryFindings', findings)}
        />
      ) : null}

      {view.cost ? (
        <p>
          <L ja="事業費" en="Project cost" />: <Num value={view.cost.projectCost} /> ・{' '}
          <L ja="人件費" en="Staff cost" />: <Num value={view.cost.staffCost} /> ・{' '}
          <L ja="総コスト" en="Total" />: <Num value={view.cost.totalCost} />
          <L ja="（保存済みの版から計算）" en=" (from the saved version)" />
        </p>
      ) : null}

      <PartnerContributions reports={view.partnerContributions ?? []} />

      <section aria-labelledby="check-h">
        <h2 id="check-h">
          <L ja="提出前の確認" en="Before submitting" />
        </h2>
        <div aria-live="polite" id="sheet-check">
          {problems.length === 0 ? (
            <p>
              <L ja="必要な項目はすべて入力されています。" en="Everything required is filled in." />
            </p>
          ) : (
            <ul>
              {problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity
                <li key={i}>{p.message[lang]}</li>
              ))}
            </ul>
          )}
        </div>
      </section>

      {view.allowedActions.length > 0 ? (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h">
            <L ja="手続き" en="Workflow" />
          </h2>
          {view.allowedActions.includes('return') ? (
            <div className="field">
              <label htmlFor="action-comment">
                <L ja="コメント（差し戻しの理由など）" en="Comment (e.g. why it is returned)" />
              </label>
              <textarea
                id="action-comment"
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
            </div>
          ) : null}
          {submitBlocked ? (
            <div id="submit-why">
              <p>
                <L
                  ja={
                    problems.length > 0
                      ? `まだ提出できません（${problems.length}件）：`
                      : '保存が終わるまで提出できません。'
                  }
                  en={
                    problems.length > 0
                      ? `Cannot submit yet (${problems.length}):`
                      : 'Cannot submit until the draft is saved.'
                  }
                />
              </p>
              {problems.length > 0 ? (
                <ul>
                  {problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity
                    <li key={i}>{p.message[lang]}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {view.allowedActions
            .filter((a) => actionLabels[a])
            .map((a) => (
              <button
                key={a}
                type="button"
                aria-describedby={a === 'submit' && submitBlocked ? 'submit-why' : undefined}
                className={a === 'return' || a === 'withdraw' ? 'secondary' : undefined}
                disabled={busy || (a === 'submit' && problems.length > 0)}
                onClick={() => void act(a as SheetAction)}
              >
                <L {...(actionLabels[a] as { ja: string; en: string })} />
              </button>
            ))}
        </section>
      ) : null}
      {serverProblems.length > 0 ? <ProblemsTable problems={serverProblems} /> : null}

      <SheetComments
        threads={extras.threads}
        sheetId={view.sheet.id}
        csrfToken={session.csrfToken}
        canComment={extras.canComment}
      />

      <section aria-labelledby="earlier-h">
        <h2 id="earlier-h">
          <L ja="これまでの年度のシート" en="Earlier years' sheets" />
        </h2>
        {extras.earlierSheets.length === 0 ? (
          <p>
            <L ja="以前の年度のシートはありません。" en="No sheets of earlier years." />
          </p>
        ) : (
          <ul id="earlier-sheets">
            {extras.earlierSheets.map((e) => (
              <li key={e.id}>
                <a href={`/staff/sheets/${encodeURIComponent(e.id)}`}>
                  <FiscalYear fy={e.fiscalYear} />
                </a>{' '}
                <T
                  text={
                    sheetStateLabels[e.state as keyof typeof sheetStateLabels] ?? { ja: e.state, en: e.state }
                  }
                />
                {e.overallRating ? (
                  <>
                    {' '}
                    ・ <L ja="総合評価" en="Overall" /> {e.overallRating}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

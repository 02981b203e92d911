/**
 * The medium-term review of a phase in the workspace: per measure, the
 * figures the review report shows (each year's overall rating, direction and
 * mean achievement, the trend, the links found broken, the projects'
 * directions); the conclusion per measure (continue, revise, merge into
 * another, end; with the assessment), saved with the version read (a conflict
 * says so and keeps the text typed); and a button that saves the next phase's
 * draft as a draft plan version, then opens the plan editor on it.
 */
import { defaultDirections, type ReviewConclusion } from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { ReviewPageModel } from '../types';
import { Ja, L, T } from '../ui/text';
import { FiscalYear, JapanDate } from '../ui/years';
import { apiClient } from './api-client';
import { type ApiProblem, problemsOf } from './survey-problems-view';

type Proposal = ReviewConclusion['proposal'];
type Measure = ReviewPageModel['review']['measures'][number];

const trendLabels: Record<string, { ja: string; en: string }> = {
  improving: { ja: '改善', en: 'Improving' },
  declining: { ja: '悪化', en: 'Declining' },
  flat: { ja: '横ばい', en: 'Flat' },
  'insufficient-data': { ja: 'データ不足', en: 'Not enough data' },
};
const proposals: { value: Proposal; label: { ja: string; en: string } }[] = [
  { value: 'continue', label: { ja: '継続', en: 'Continue' } },
  { value: 'revise', label: { ja: '見直し', en: 'Revise' } },
  { value: 'merge', label: { ja: '統合', en: 'Merge into another' } },
  { value: 'end', label: { ja: '終了', en: 'End' } },
];
const directionLabels: Record<string, { ja: string; en: string }> = Object.fromEntries(
  defaultDirections.map((d) => [d.code, d.label]),
);
const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
const label = (map: Record<string, { ja: string; en: string }>, k: string) => map[k] ?? { ja: k, en: k };

function Problems({ id, problems }: { id: string; problems: ApiProblem[] }) {
  const lang = useLang();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="error" role="alert">
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
        <li key={i}>{p.message[lang]}</li>
      ))}
    </ul>
  );
}

function Figures({ m, model }: { m: Measure; model: ReviewPageModel }) {
  return (
    <>
      <table className="review-years">
        <caption>
          <L ja="年度ごとの評価" en="Evaluation by year" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="年度" en="Fiscal year" />
            </th>
            <th scope="col">
              <L ja="総合評価" en="Overall rating" />
            </th>
            <th scope="col">
              <L ja="方向性" en="Direction" />
            </th>
            <th scope="col" className="num">
              <L ja="平均達成率" en="Mean achievement" />
            </th>
          </tr>
        </thead>
        <tbody>
          {m.years.map((y) => (
            <tr key={y.fiscalYear}>
              <th scope="row">
                <FiscalYear fy={y.fiscalYear} />
              </th>
              <td>{y.overallRating ?? '—'}</td>
              <td>{y.direction ? <T text={label(directionLabels, y.direction)} /> : '—'}</td>
              <td className="num">{pct(y.meanAchievement)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="review-facts">
        <dt>
          <T text={model.fieldLevel} />
        </dt>
        <dd>
          <T text={model.fieldNames[m.fieldCode] ?? { ja: m.fieldCode, en: m.fieldCode }} />
        </dd>
        <dt>
          <L ja="達成度の推移" en="Achievement trend" />
        </dt>
        <dd className="review-trend">
          <T text={label(trendLabels, m.achievementTrend)} />
        </dd>
        <dt>
          <L ja="道筋が保たれなかったつながり" en="Links found not holding" />
        </dt>
        <dd>{m.brokenLinks.map((b) => b.linkId).join('、') || <L ja="なし" en="None" />}</dd>
        <dt>
          <L ja="事務事業の今後の方向性（件数）" en="Projects' directions (count)" />
        </dt>
        <dd>
          {m.projectDirections.length === 0 ? (
            '—'
          ) : (
            <ul className="plain">
              {m.projectDirections.map((d) => (
                <li key={d.fiscalYear}>
                  <FiscalYear fy={d.fiscalYear} />:{' '}
                  {Object.entries(d.counts).map(([k, n], i) => (
                    <span key={k}>
                      {i > 0 ? '、' : ''}
                      <T text={label(directionLabels, k)} /> {n}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </>
  );
}

function ConclusionForm(props: {
  m: Measure;
  value: ReviewConclusion | undefined;
  others: Measure[];
  disabled: boolean;
  onSave: (c: ReviewConclusion) => void;
}) {
  const code = props.m.measureCode;
  const [proposal, setProposal] = useState<Proposal | ''>(props.value?.proposal ?? '');
  const [mergeInto, setMergeInto] = useState(props.value?.mergeInto ?? '');
  const [assessment, setAssessment] = useState(props.value?.assessment ?? '');
  const id = (s: string) => `c-${code}-${s}`;
  return (
    <form
      className="review-conclusion"
      onSubmit={(e) => {
        e.preventDefault();
        if (!proposal) return;
        props.onSave({
          measureCode: code,
          proposal,
          assessment: assessment.trim(),
          ...(proposal === 'merge' && mergeInto ? { mergeInto } : {}),
        });
      }}
    >
      <fieldset disabled={props.disabled}>
        <legend>
          <L ja="次期の方向（結論）" en="Next phase (conclusion)" />
        </legend>
        {proposals.map((p) => (
          <label key={p.value} className="inline">
            <input
              type="radio"
              name={id('proposal')}
              value={p.value}
              checked={proposal === p.value}
              onChange={() => setProposal(p.value)}
            />{' '}
            <T text={p.label} />
          </label>
        ))}
        {proposal === 'merge' ? (
          <div className="field">
            <label htmlFor={id('merge')}>
              <L ja="統合先" en="Merge into" />
            </label>
            <select id={id('merge')} value={mergeInto} onChange={(e) => setMergeInto(e.currentTarget.value)}>
              <option value="">—</option>
              {props.others.map((o) => (
                <option key={o.measureCode} value={o.measureCode}>
                  {o.measureCode} {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id('assessment')}>
            <L ja="評価（所見）" en="Assessment" />
          </label>
          <textarea
            id={id('assessment')}
            rows={3}
            value={assessment}
            onChange={(e) => setAssessment(e.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={!proposal}>
          <L ja="この結論を保存する" en="Save this conclusion" />
        </button>
      </fieldset>
    </form>
  );
}

export function ReviewPage({ model }: { model: ReviewPageModel }) {
  const r = model.review;
  const csrf = model.session.csrfToken;
  const [conclusions, setConclusions] = useState<ReviewConclusion[]>(
    r.measures.flatMap((m) => (m.conclusion ? [m.conclusion] : [])),
  );
  const [version, setVersion] = useState(r.conclusionsVersion);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'conflict' | 'error'>('idle');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [drafting, setDrafting] = useState(false);
  const [draftProblems, setDraftProblems] = useState<ApiProblem[]>([]);
  const [publishedAt, setPublishedAt] = useState(r.publishedAt);
  const [publishing, setPublishing] = useState(false);
  const [publishProblems, setPublishProblems] = useState<ApiProblem[]>([]);
  const phase = String(model.phase);

  async function publish() {
    setPublishing(true);
    setPublishProblems([]);
    const res = await apiClient('evaluation', csrf)
      .api.v1.evaluation.reviews[':phase'].publish.$post({
        param: { phase },
        json: { expectedVersion: version },
      })
      .catch(() => null);
    const body = (res ? await res.json().catch(() => null) : null) as {
      version?: number;
      publishedAt?: string;
    } | null;
    if (res?.ok && body?.publishedAt) {
      setPublishedAt(body.publishedAt);
      if (typeof body.version === 'number') setVersion(body.version);
    } else {
      setPublishProblems(
        body
          ? problemsOf(body)
          : [{ code: 'network', message: { ja: '送信できませんでした', en: 'Could not send' } }],
      );
      if (res?.status === 409) setStatus('conflict');
    }
    setPublishing(false);
  }

  async function save(c: ReviewConclusion) {
    const next = [...conclusions.filter((x) => x.measureCode !== c.measureCode), c];
    setStatus('saving');
    setProblems([]);
    const res = await apiClient('evaluation', csrf)
      .api.v1.evaluation.reviews[':phase'].conclusions.$put({
        param: { phase },
        json: { expectedVersion: version, conclusions: next },
      })
      .catch(() => null);
    const body = (res ? await res.json().catch(() => null) : null) as { version?: number } | null;
    if (res?.ok && typeof body?.version === 'number') {
      setVersion(body.version);
      setConclusions(next);
      setStatus('saved');
      return;
    }
    setProblems(problemsOf(body));
    setStatus(res?.status === 409 ? 'conflict' : 'error');
  }

  async function draftPlan() {
    setDrafting(true);
    setDraftProblems([]);
    const res = await apiClient('reviews', csrf)
      .api.v1.evaluation.reviews[':phase']['next-phase-plan'].$post({
        param: { phase },
        json: { expectedVersion: model.plan.version },
      })
      .catch(() => null);
    if (res?.status === 201) {
      window.location.assign('/staff/plan');
      return;
    }
    setDraftProblems(
      res
        ? problemsOf(await res.json().catch(() => null))
        : [{ code: 'network', message: { ja: '送信できませんでした', en: 'Could not send' } }],
    );
    setDrafting(false);
  }

  const decided = new Map(conclusions.map((c) => [c.measureCode, c]));
  return (
    <main id="main">
      <p>
        <a href="/staff/rounds">
          <L ja="評価の回の一覧" en="All rounds" />
        </a>
      </p>
      <h1>
        <T text={model.phaseName} /> <L ja="見直し評価" en="review" />
      </h1>
      <nav aria-label={useLang() === 'en' ? 'Phases' : '期'}>
        <ul className="inline-list">
          {model.phases.map((p) => (
            <li key={p.number}>
              {p.number === model.phase ? (
                <strong aria-current="page">
                  <T text={p.name} />
                </strong>
              ) : (
                <a href={`/staff/reviews/${p.number}`}>
                  <T text={p.name} />
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <L ja="評価した年度" en="Years evaluated" />:{' '}
        {r.fiscalYears.length === 0 ? (
          <L ja="まだありません" en="none yet" />
        ) : (
          r.fiscalYears.map((fy, i) => (
            <span key={fy}>
              {i > 0 ? '、' : ''}
              <FiscalYear fy={fy} />
            </span>
          ))
        )}
      </p>
      {model.warnings.length > 0 ? (
        <ul className="notice" id="review-warnings">
          {model.warnings.map((w) => (
            <li key={w.ja}>
              <T text={w} />
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/api/v1/evaluation/reviews/${model.phase}`}>
          <L ja="見直し評価のデータ（JSON）" en="Review data (JSON)" />
        </a>
      </p>
      <table id="review-summary">
        <caption>
          <L ja="概要" en="Summary" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <T text={model.measureLevel} />
            </th>
            <th scope="col">
              <T text={model.fieldLevel} />
            </th>
            <th scope="col">
              <L ja="達成度の推移" en="Achievement trend" />
            </th>
            <th scope="col">
              <L ja="次期の方向" en="Next phase" />
            </th>
          </tr>
        </thead>
        <tbody>
          {r.measures.map((m) => {
            const c = decided.get(m.measureCode);
            return (
              <tr key={m.measureCode}>
                <th scope="row">
                  <a href={`#m-${m.measureCode}`}>
                    {m.measureCode} <Ja>{m.name}</Ja>
                  </a>
                </th>
                <td>
                  <T text={model.fieldNames[m.fieldCode] ?? { ja: m.fieldCode, en: m.fieldCode }} />
                </td>
                <td>
                  <T text={label(trendLabels, m.achievementTrend)} />
                </td>
                <td className="review-proposal">
                  {c ? (
                    <T text={proposals.find((p) => p.value === c.proposal)?.label ?? label({}, c.proposal)} />
                  ) : (
                    <L ja="（未記入）" en="(not yet)" />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id="review-save-status" role="status">
        {status === 'saving' ? <L ja="保存しています…" en="Saving…" /> : null}
        {status === 'saved' ? (
          <L ja={`保存しました（版 ${version}）`} en={`Saved (version ${version})`} />
        ) : null}
        {status === 'conflict' ? (
          <>
            <L
              ja="他の人が先に結論を保存しました。入力した内容は残っています。"
              en="Someone saved conclusions first. What you typed is still here."
            />{' '}
            <a href={`/staff/reviews/${model.phase}`}>
              <L ja="最新を読み込む" en="Load the latest" />
            </a>
          </>
        ) : null}
      </p>
      <Problems id="review-problems" problems={problems} />
      {r.measures.map((m) => (
        <section key={m.measureCode} id={`m-${m.measureCode}`} aria-labelledby={`h-${m.measureCode}`}>
          <h2 id={`h-${m.measureCode}`}>
            {m.measureCode} <Ja>{m.name}</Ja>
          </h2>
          <Figures m={m} model={model} />
          {model.canConclude && !publishedAt ? (
            <ConclusionForm
              m={m}
              value={decided.get(m.measureCode)}
              others={r.measures.filter((o) => o.measureCode !== m.measureCode)}
              disabled={status === 'saving'}
              onSave={(c) => void save(c)}
            />
          ) : (
            <p>
              <L ja="結論" en="Conclusion" />:{' '}
              {decided.get(m.measureCode)?.assessment ?? <L ja="（未記入）" en="(not yet)" />}
            </p>
          )}
        </section>
      ))}
      <section aria-labelledby="publish-h" id="review-publication">
        <h2 id="publish-h">
          <L ja="見直し評価の公表" en="Publishing the review" />
        </h2>
        {publishedAt ? (
          <p id="review-published">
            <L ja="公表しました：" en="Published: " />
            <JapanDate iso={publishedAt} />
            <L
              ja="。結論は確定しています。報告書は市民向けの「行政評価」ページに載っています："
              en=". The conclusions are final. The report is on the public evaluation page: "
            />
            <a href={`/api/v1/evaluation/reviews/${model.phase}/report`}>
              <L ja="見直し評価報告書" en="Review report" />
            </a>
            {' ・ '}
            <a href="/evaluation">
              <L ja="行政評価のページ" en="Evaluation page" />
            </a>
          </p>
        ) : model.canConclude ? (
          <>
            <p>
              <L
                ja="すべての施策に結論を記録すると公表できます。公表すると結論は確定し、この時点の報告書（HTML・Excel）が市民向けのページに載ります。"
                en="Once every measure has a conclusion the review can be published: the conclusions become final and the report as of now (HTML, Excel) goes on the public pages."
              />
            </p>
            <button
              type="button"
              id="publish-review"
              disabled={publishing || status === 'saving' || decided.size < r.measures.length}
              onClick={() => void publish()}
            >
              <L ja="見直し評価を公表する" en="Publish the review" />
            </button>
            <Problems id="publish-problems" problems={publishProblems} />
          </>
        ) : (
          <p>
            <L ja="まだ公表されていません。" en="Not published yet." />
          </p>
        )}
      </section>
      <section aria-labelledby="next-phase-h">
        <h2 id="next-phase-h">
          <L ja="次期の素案を計画の下書きにする" en="Make the next phase's draft a draft plan" />
        </h2>
        {model.nextPhase === null ? (
          <p>
            <L
              ja="計画に次の期がありません。計画に期間を加えると素案を作れます。"
              en="The plan has no next phase; add one to the plan to draft it."
            />
          </p>
        ) : model.nextPhaseMeasures.length > 0 ? (
          <p id="next-phase-exists">
            <L
              ja={`計画にはすでに次期の施策が ${model.nextPhaseMeasures.length} 件あります。`}
              en={`The plan already has ${model.nextPhaseMeasures.length} measures in the next phase.`}
            />{' '}
            <a href="/staff/plan">
              <L ja="計画の編集を開く" en="Open the plan editor" />
            </a>
          </p>
        ) : (
          <>
            <p>
              <L
                ja={`結論に沿って、継続・見直しの施策を次期の番号で加え、統合は統合先にまとめ、終了は加えません。計画の版 ${model.plan.version} から下書きの版を作り、計画の編集画面で開きます（公開ページには出ません）。`}
                en={`Following the conclusions: continued and revised measures are added with next-phase codes, merged ones join their target, ended ones are left out. A draft version is made from plan version ${model.plan.version} and opened in the plan editor (not on the public pages).`}
              />
            </p>
            {model.canDraftPlan ? (
              <button type="button" id="draft-plan" disabled={drafting} onClick={() => void draftPlan()}>
                <L ja="次期の素案を計画の下書きにする" en="Make the draft plan version" />
              </button>
            ) : (
              <p>
                <L
                  ja="計画を保存できる権限（企画担当課・管理者）が必要です。"
                  en="Needs an account that may save the plan (planning division, administrator)."
                />
              </p>
            )}
            <Problems id="draft-problems" problems={draftProblems} />
          </>
        )}
      </section>
    </main>
  );
}

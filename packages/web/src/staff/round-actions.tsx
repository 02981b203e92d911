/**
 * Running a round from the workspace (planning division and admin): open a
 * fiscal year's round with its entry due date (the later stages cascade from
 * it), close, reopen, publish and lock it; per department, download the
 * workbook and upload it back (checked first, problems listed by worksheet and
 * cell). Every button calls the API with the session's CSRF token; the server
 * checks the policy and the round's state.
 */
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { apiClient, bodyOf } from './api-client';
import { followJob, startedJob } from './follow-job';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

/** Downloads are links to the API; calls go through the typed client. */
const base = '/api/v1/evaluation';
const evaluation = (csrf: string | null) => apiClient('evaluation', csrf).api.v1.evaluation;

type RoundAction = 'close' | 'reopen' | 'publish' | 'lock';
const moves: Record<string, { action: RoundAction; label: { ja: string; en: string } }[]> = {
  open: [{ action: 'close', label: { ja: '入力を締め切る', en: 'Close the round' } }],
  closed: [
    { action: 'publish', label: { ja: '公表する', en: 'Publish' } },
    { action: 'reopen', label: { ja: '入力を再開する', en: 'Reopen' } },
  ],
  published: [{ action: 'lock', label: { ja: '確定（ロック）する', en: 'Lock' } }],
  locked: [],
};

export function OpenRoundForm({ years, csrf }: { years: number[]; csrf: string | null }) {
  const [fy, setFy] = useState(years[0] ?? 0);
  const [due, setDue] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  if (years.length === 0) return null;
  async function open() {
    const [y, m, d] = due.split('-').map(Number);
    const res = await evaluation(csrf).rounds.$post({
      json: { fiscalYear: fy, ...(y && m && d ? { entryDue: { year: y, month: m, day: d } } : {}) },
    });
    if (res.ok) window.location.assign(`/staff/rounds/${fy}`);
    else setProblems(problemsOf(await res.json().catch(() => null)));
  }
  return (
    <section aria-labelledby="open-h">
      <h2 id="open-h">
        <L ja="評価の回を開始する" en="Open a round" />
      </h2>
      <div className="field">
        <label htmlFor="open-fy">
          <L ja="評価する年度" en="Fiscal year evaluated" />
        </label>
        <select id="open-fy" value={fy} onChange={(e) => setFy(Number(e.currentTarget.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="open-due">
          <L
            ja="各課の入力期限（所属長・企画担当課の期限はここから順に決まります。空欄なら開始日の30日後）"
            en="Departments' entry due date (the reviewers' dates follow from it; empty: 30 days after opening)"
          />
        </label>
        <input id="open-due" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
      </div>
      <button type="button" onClick={() => void open()}>
        <L ja="開始する" en="Open" />
      </button>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </section>
  );
}

/** Problems with where they are: the worksheet and cell for a workbook, else the field. */
function PlacedProblems({ problems }: { problems: ApiProblem[] }) {
  const lang = useLang();
  return (
    <div className="table-scroll" role="alert">
      <table id="round-problems">
        <caption>
          <L
            ja={`問題（${problems.length} 件）：何も変更していません`}
            en={`Problems (${problems.length}): nothing was changed`}
          />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="ワークシート" en="Worksheet" />
            </th>
            <th scope="col">
              <L ja="セル・項目" en="Cell or field" />
            </th>
            <th scope="col">
              <L ja="内容" en="Problem" />
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
            <tr key={i}>
              <td>{p.where?.sheet ?? '—'}</td>
              <td>{p.where?.cell ?? p.where?.field ?? p.where?.path ?? '—'}</td>
              <td>{p.message[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoundActions(props: {
  fiscalYear: number;
  state: string;
  version: number;
  csrf: string | null;
  canManage: boolean;
  departments: { code: string; name: string }[];
}) {
  const lang = useLang();
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [uploaded, setUploaded] = useState<string | null>(null);
  async function move(action: RoundAction) {
    const res = await evaluation(props.csrf).rounds[':fy'].transitions.$post({
      param: { fy: String(props.fiscalYear) },
      json: { action, expectedVersion: props.version },
    });
    if (res.ok) window.location.reload();
    else setProblems(problemsOf(await res.json().catch(() => null)));
  }
  async function upload(dept: string, file: File, dryRun: boolean) {
    const res = await evaluation(props.csrf).workbooks.$post(
      {
        query: {
          file: file.name,
          fy: String(props.fiscalYear),
          department: dept,
          dryRun: dryRun ? 'true' : 'false',
        },
      },
      bodyOf(file),
    );
    // The server answers a background job (decision 0098): follow it to its result or problems.
    const started = startedJob(res, await res.json().catch(() => null));
    const working = lang === 'en' ? `${file.name}: working… ` : `${file.name}：処理中… `;
    setUploaded(working);
    const job =
      'jobId' in started
        ? await followJob(started.jobId, props.csrf, (p) => setUploaded(working + p))
        : { status: 'failed' as const, problems: started.problems };
    if (job.status !== 'succeeded') {
      setUploaded(null);
      setProblems(job.problems ?? []);
      return;
    }
    setProblems([]);
    const n = (job.result as { changed?: unknown[] } | undefined)?.changed?.length ?? 0;
    if (dryRun) {
      await upload(dept, file, false);
      return;
    }
    setUploaded(
      lang === 'en' ? `${file.name}: ${n} sheet(s) updated` : `${file.name}：${n} 件のシートを更新しました`,
    );
  }
  return (
    <section aria-labelledby="manage-h">
      <h2 id="manage-h">
        <L ja="回の操作と様式（Excel）" en="Round actions and workbooks" />
      </h2>
      {props.canManage && (moves[props.state] ?? []).length > 0 ? (
        <p id="round-moves">
          {(moves[props.state] ?? []).map((m) => (
            <button key={m.action} type="button" onClick={() => void move(m.action)}>
              <L {...m.label} />
            </button>
          ))}
        </p>
      ) : null}
      <table id="round-workbooks">
        <caption>
          <L
            ja="課ごとの評価シート（Excel）：ダウンロードして記入し、アップロードで取り込みます"
            en="Workbooks per department: download, fill in, upload"
          />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="担当課" en="Department" />
            </th>
            <th scope="col">
              <L ja="ダウンロード" en="Download" />
            </th>
            <th scope="col">
              <L ja="記入済みのファイルを取り込む" en="Upload the filled file" />
            </th>
          </tr>
        </thead>
        <tbody>
          {props.departments.map((d) => (
            <tr key={d.code}>
              <td>{d.name}</td>
              <td>
                <a
                  href={`${base}/rounds/${props.fiscalYear}/workbooks/${encodeURIComponent(d.code)}`}
                  download
                >
                  <FiscalYear fy={props.fiscalYear} /> {d.code}.xlsx
                </a>
              </td>
              <td>
                <input
                  type="file"
                  accept=".xlsx"
                  aria-label={
                    lang === 'en' ? `Upload the workbook of ${d.name}` : `${d.name}の記入済みファイル`
                  }
                  onChange={(e) => {
                    const f = e.currentTarget.files?.[0];
                    if (f) void upload(d.code, f, true);
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" id="upload-status">
        {uploaded}
      </p>
      {problems.length > 0 ? <PlacedProblems problems={problems} /> : null}
    </section>
  );
}

/** A report job as this page reads it (the job's `result` is the rendered file). */
interface JobAnswer {
  status: string;
  progress: number;
  result?: { fileId: string; fileName: string } | null;
  problems?: ApiProblem[] | null;
}

/** Renders the round's report as a background job, shows its progress, then offers the file. */
export function ReportRender({ fiscalYear, csrf }: { fiscalYear: number; csrf: string | null }) {
  const [job, setJob] = useState<JobAnswer | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  async function start(format: 'pdf' | 'xlsx' | 'html') {
    setProblems([]);
    const res = await apiClient('reports', csrf).api.v1.reports.$post({
      json: { report: 'annual', subject: fiscalYear, format },
    });
    const body = await res.json().catch(() => null);
    if (!res.ok || !body || !('jobId' in body)) {
      setProblems(problemsOf(body));
      return;
    }
    setJob({ status: 'queued', progress: 0 });
    for (;;) {
      await new Promise((r) => setTimeout(r, 700));
      const answer = await apiClient('jobs', csrf).api.v1.jobs[':id'].$get({ param: { id: body.jobId } });
      const j = (await answer.json()) as JobAnswer;
      setJob(j);
      if (j.status === 'succeeded' || j.status === 'failed') {
        if (j.problems) setProblems(j.problems);
        return;
      }
    }
  }
  const formats = [
    ['pdf', 'PDF（A4）'],
    ['xlsx', 'Excel（評価シート）'],
    ['html', 'HTML'],
  ] as const;
  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">
        <L ja="行政評価結果報告書" en="Evaluation report" />
      </h2>
      <p>
        {formats.map(([f, label]) => (
          <button
            key={f}
            type="button"
            className="secondary"
            onClick={() => void start(f)}
            disabled={job?.status === 'running' || job?.status === 'queued'}
          >
            <L ja={`${label}を作成`} en={`Make ${label}`} />
          </button>
        ))}
      </p>
      <p role="status" id="report-status">
        {job && job.status !== 'succeeded' && job.status !== 'failed' ? (
          <>
            <L ja="作成中" en="Rendering" /> <progress max={1} value={job.progress} />{' '}
            {Math.round(job.progress * 100)}%
          </>
        ) : null}
        {job?.status === 'succeeded' && job.result ? (
          <a
            id="report-file"
            href={`/api/v1/reports/files/${job.result.fileId}`}
            download={job.result.fileName}
          >
            <L ja={`${job.result.fileName} をダウンロード`} en={`Download ${job.result.fileName}`} />
          </a>
        ) : null}
      </p>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </section>
  );
}

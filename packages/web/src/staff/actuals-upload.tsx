/**
 * Uploading a file of actuals (CSV in UTF-8 or Shift_JIS, with or without a
 * BOM, or xlsx) through the import route: check first (nothing stored), then
 * import; every problem is listed by row and column and nothing is stored
 * while any remains. Columns: 指標コード, 年度 (or 基準日), 実績値, 出典, 備考, 地域.
 * The import runs as a background job (decision 0098): the page follows it
 * at /api/v1/jobs/{id}, showing its progress, then its result or problems.
 */
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';
import { apiClient, bodyOf } from './api-client';
import { followJob, startedJob } from './follow-job';
import { type ApiProblem, ProblemsTable } from './survey-problems-view';

interface ImportResult {
  dryRun: boolean;
  rows: number;
  recorded: number;
  corrected: number;
  unchanged: number;
}

export function ActualsUpload({ csrfToken }: { csrfToken: string | null }) {
  const lang = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [corrections, setCorrections] = useState(false);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string>('');

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    const res = await apiClient('indicators', csrfToken).api.v1.actuals.import.$post(
      {
        query: {
          file: file.name,
          dryRun: dryRun ? 'true' : 'false',
          allowCorrections: corrections ? 'true' : 'false',
        },
      },
      bodyOf(file),
    );
    const started = startedJob(res, await res.json().catch(() => null));
    if ('problems' in started) {
      setBusy(false);
      setResult(null);
      setProblems(started.problems);
      return;
    }
    const job = await followJob(started.jobId, csrfToken, setProgress);
    setBusy(false);
    setProgress('');
    if (job.status !== 'succeeded') {
      setResult(null);
      setProblems(job.problems ?? []);
      return;
    }
    setProblems([]);
    setResult(job.result as ImportResult);
    if (!dryRun) window.setTimeout(() => window.location.reload(), 1500);
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">
        <L ja="ファイルから取り込む" en="Import from a file" />
      </h2>
      <p className="note">
        <L
          ja="CSV（UTF-8・Shift_JIS）または Excel（xlsx）。見出し行に「指標コード」「年度」「実績値」「出典」（任意で「備考」「地域」「基準日」）。問題が一つでもあれば何も保存しません。"
          en="CSV (UTF-8 or Shift_JIS) or Excel (xlsx). Header: 指標コード, 年度, 実績値, 出典 (optionally 備考, 地域, 基準日). Nothing is stored while any problem remains."
        />
      </p>
      <div className="field">
        <label htmlFor="actuals-file">
          <L ja="ファイル" en="File" />
        </label>
        <input
          id="actuals-file"
          type="file"
          accept=".csv,.xlsx,.tsv,.txt"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setResult(null);
            setProblems([]);
          }}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={corrections}
          onChange={(e) => setCorrections(e.currentTarget.checked)}
        />{' '}
        <L
          ja="登録済みの値と違う行は訂正として取り込む"
          en="Import rows that differ from recorded values as corrections"
        />
      </label>
      <button type="button" className="secondary" disabled={!file || busy} onClick={() => void send(true)}>
        <L ja="確認する（保存しない）" en="Check (store nothing)" />
      </button>{' '}
      <button type="button" disabled={!file || busy} onClick={() => void send(false)}>
        <L ja="取り込む" en="Import" />
      </button>
      <p role="status" id="upload-status">
        {busy
          ? lang === 'en'
            ? `Working… ${progress}`
            : `処理中… ${progress}`
          : result
            ? lang === 'en'
              ? `${result.dryRun ? 'Checked, nothing stored' : 'Imported'}: ${result.rows} rows — ${result.recorded} new, ${result.corrected} corrected, ${result.unchanged} unchanged.`
              : `${result.dryRun ? '確認しました（未保存）' : '取り込みました'}：${result.rows} 行（新規 ${result.recorded} 件・訂正 ${result.corrected} 件・変更なし ${result.unchanged} 件）`
            : ''}
      </p>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </section>
  );
}

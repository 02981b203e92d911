/**
 * Entering actuals like a spreadsheet: the indicators this account may record
 * (rows) × the plan's fiscal years (columns), each cell its current value.
 * Type into a cell, or paste a block copied from Excel (a header row of years
 * such as 令和7年度 and a first column of codes or names are followed);
 * arrow keys and Enter move between cells. Every change is checked as typed
 * by the server's own check (`checkActualsGrid`) and a problem is shown beside
 * its cell; saving sends the changed cells in one request (all or nothing).
 * A file of actuals can be uploaded below (actuals-upload.tsx).
 */
import {
  type ActualVersion,
  checkActualsGrid,
  currentActuals,
  type GridCell,
  type Problem,
} from '@mirai/core';
import { type ClipboardEvent, type KeyboardEvent, useMemo, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { ScrollArea } from '../ui/scroll-area';
import { L, Paren, SampleBadge, T } from '../ui/text';
import { fiscalYearText } from '../ui/years';
import { placePaste, readPastedBlock } from './actuals-paste';
import { ActualsUpload } from './actuals-upload';
import { apiClient } from './api-client';
import { type ApiProblem, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-indicators' }>;
type Shown = { problem: ApiProblem; conflict: boolean };

const keyOf = (code: string, fiscalYear: number) => `${code}|${fiscalYear}`;
const plain = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 10 });

/** Each cell's current whole-city value; `several` when the year holds more than one (by reference day). */
function cellValues(existing: readonly ActualVersion[]) {
  const out = new Map<string, { current?: ActualVersion; several: boolean }>();
  for (const v of currentActuals(existing)) {
    if (v.area !== undefined) continue;
    const k = keyOf(v.indicatorCode, v.fiscalYear);
    const had = out.get(k);
    out.set(k, had ? { current: had.current, several: true } : { current: v, several: false });
  }
  return out;
}

export function ActualsGridPage({ model }: { model: Model }) {
  const lang = useLang();
  const { grid } = model;
  const [existing, setExisting] = useState<ActualVersion[]>(grid.existing);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [view, setView] = useState<string>(String(grid.defaultYear));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<{ keys: string[]; problems: ApiProblem[] } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);

  const rows = grid.definitions;
  const years =
    view === 'all' ? grid.years : grid.years.filter((y) => y === Number(view) || y === Number(view) - 1);
  // On a phone only the chosen year shows (the year before is for comparing on wider screens).
  const columnClass = (y: number) =>
    [
      'num',
      y === grid.defaultYear ? 'current-year' : '',
      view !== 'all' && y !== Number(view) ? 'previous-year' : '',
    ]
      .filter(Boolean)
      .join(' ');
  const values = useMemo(() => cellValues(existing), [existing]);
  const summaries = new Map(model.indicators.map((i) => [i.code, i]));

  const original = (code: string, fy: number) => {
    const v = values.get(keyOf(code, fy))?.current;
    return v ? plain(v.value) : '';
  };
  // The changed cells, in grid order: what a save sends.
  const cells: (GridCell & { key: string })[] = [];
  for (const d of rows)
    for (const fy of grid.years) {
      const key = keyOf(d.code, fy);
      const text = edits[key];
      if (text === undefined || text === original(d.code, fy)) continue;
      const v = values.get(key)?.current;
      cells.push({
        key,
        code: d.code,
        fiscalYear: fy,
        value: text,
        version: v?.id ?? null,
        ...(v?.date ? { date: v.date } : {}),
      });
    }

  // The server's own check, on what the page read; the source is asked for only when saving.
  const checkContext = {
    definitions: rows,
    plan: grid.plan,
    existing,
    ...(grid.department !== undefined ? { department: grid.department } : {}),
  };
  const local = cells.length
    ? checkActualsGrid(
        {
          source: tried ? source : source || '-',
          ...(note ? { note } : {}),
          cells: cells.map(({ key: _k, ...c }) => c),
        },
        checkContext,
      )
    : null;
  const byCell = new Map<string, Shown[]>();
  const general: Shown[] = [];
  const place = (keys: string[], problems: readonly (ApiProblem | Problem)[]) => {
    for (const p of problems) {
      const shown = { problem: p as ApiProblem, conflict: p.code === 'indicator-grid/recorded-meanwhile' };
      const index = (p.where as { index?: number } | undefined)?.index;
      const key = index !== undefined ? keys[index] : undefined;
      if (key) byCell.set(key, [...(byCell.get(key) ?? []), shown]);
      else general.push(shown);
    }
  };
  if (serverProblems) place(serverProblems.keys, serverProblems.problems);
  else if (local && !local.ok)
    place(
      cells.map((c) => c.key),
      local.problems,
    );
  const conflict = serverProblems?.problems.some((p) => p.code === 'indicator-grid/recorded-meanwhile');

  function edit(changes: Record<string, string>) {
    setEdits((e) => ({ ...e, ...changes }));
    if (!conflict) setServerProblems(null);
    setNotice(null);
  }

  function focusCell(r: number, c: number) {
    document.getElementById(`cell-${r}-${c}`)?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, r: number, c: number) {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const move: Record<string, [number, number] | undefined> = {
      ArrowDown: [r + 1, c],
      Enter: [e.shiftKey ? r - 1 : r + 1, c],
      ArrowUp: [r - 1, c],
      ArrowLeft: atStart ? [r, c - 1] : undefined,
      ArrowRight: atEnd ? [r, c + 1] : undefined,
    };
    const to = move[e.key];
    if (!to) return;
    e.preventDefault();
    focusCell(to[0], to[1]);
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, r: number, fy: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the input takes it as typed
    e.preventDefault();
    const shape = {
      rows: rows.map((d) => ({ code: d.code, names: [d.name.ja, ...(d.name.en ? [d.name.en] : [])] })),
      years,
    };
    const block = readPastedBlock(text);
    const placed = placePaste(
      block,
      { row: r, col: grid.years.indexOf(fy) },
      { ...shape, years: grid.years },
    );
    // A block without a year header fills the columns shown, from the cell pasted into.
    const p = placed.yearHeader ? placed : placePaste(block, { row: r, col: years.indexOf(fy) }, shape);
    edit(Object.fromEntries(p.values.map((v) => [keyOf(v.code, v.fiscalYear), v.value])));
    if (p.values.some((v) => !years.includes(v.fiscalYear))) setView('all');
    const parts = [
      lang === 'en' ? `Pasted ${p.values.length} cells.` : `${p.values.length} セルを貼り付けました。`,
      p.yearHeader ? (lang === 'en' ? 'Columns by the year header.' : '年度の見出しに合わせました。') : '',
      p.codeColumn ? (lang === 'en' ? 'Rows by the indicator column.' : '指標の列に合わせました。') : '',
      p.outside
        ? lang === 'en'
          ? `${p.outside} cells had no place in the grid and were left out.`
          : `${p.outside} セルは表の外（該当する指標・年度なし）のため貼り付けていません。`
        : '',
    ];
    setNotice(parts.filter(Boolean).join(' '));
  }

  async function save() {
    setTried(true);
    const sent = cells;
    if (sent.length === 0 || source.trim() === '' || (local && !local.ok)) return;
    setBusy(true);
    const res = await apiClient('indicators', model.session.csrfToken).api.v1.actuals.grid.$post({
      json: { source, ...(note ? { note } : {}), cells: sent.map(({ key: _k, ...c }) => c) },
    });
    const body = (await res.json().catch(() => null)) as unknown;
    setBusy(false);
    if (!res.ok) {
      setServerProblems({ keys: sent.map((c) => c.key), problems: problemsOf(body) });
      return;
    }
    const r = body as { recorded: number; corrected: number; unchanged: number; stored: ActualVersion[] };
    setExisting((xs) => [...xs, ...r.stored]);
    setEdits({});
    setTried(false);
    setServerProblems(null);
    setNotice(
      lang === 'en'
        ? `Saved: ${r.recorded} new, ${r.corrected} corrected, ${r.unchanged} unchanged.`
        : `保存しました（新規 ${r.recorded} 件・訂正 ${r.corrected} 件・変更なし ${r.unchanged} 件）。`,
    );
  }

  const sourceMissing = tried && cells.length > 0 && source.trim() === '';
  const describe = (code: string) => {
    const d = rows.find((x) => x.code === code);
    return d ? (lang === 'en' ? (d.name.en ?? d.name.ja) : d.name.ja) : code;
  };

  return (
    <main id="main" className="actuals-grid-page">
      <h1>
        <L ja="実績値の入力と訂正" en="Enter and correct actuals" />
      </h1>
      <p className="note">
        <L
          ja="セルに入力するか、Excel でコピーした範囲を貼り付けてください（全角数字・桁区切り・「令和7年度」などの年度見出しも読み取ります）。矢印キーと Enter でセルを移動します。値を訂正すると新しい版が加わり、前の値も残ります。"
          en="Type into a cell, or paste a range copied from Excel (full-width digits, thousands separators and year headers such as 令和7年度 are read). Arrow keys and Enter move between cells. A correction adds a version; the earlier value stays."
        />
      </p>
      {grid.department !== undefined ? (
        <p>
          <L ja="所属の担当する指標のみ表示しています：" en="Your department's indicators only: " />
          <T text={grid.departments[grid.department] ?? { ja: grid.department }} />
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="grid-year">
          <L ja="表示する年度" en="Years shown" />
        </label>
        <select id="grid-year" value={view} onChange={(e) => setView(e.currentTarget.value)}>
          {[...grid.years].reverse().map((y) => (
            <option key={y} value={y}>
              {lang === 'en'
                ? `${fiscalYearText(y, lang)} and the year before`
                : `${fiscalYearText(y, lang)}とその前年度`}
            </option>
          ))}
          <option value="all">{lang === 'en' ? 'All years of the plan' : '計画期間のすべての年度'}</option>
        </select>
      </div>
      {rows.length === 0 ? (
        <p>
          <L ja="入力できる指標がありません。" en="There are no indicators you may record." />
        </p>
      ) : (
        <ScrollArea label={lang === 'en' ? 'Actuals grid' : '実績値の表'}>
          <table className="actuals-grid" id="actuals-grid">
            <caption>
              <L
                ja="指標 × 年度の実績値（変更したセルは保存するまで強調表示）"
                en="Actuals by indicator and fiscal year (changed cells are highlighted until saved)"
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="指標（単位）" en="Indicator (unit)" />
                </th>
                {years.map((y) => (
                  <th key={y} scope="col" className={columnClass(y)}>
                    {fiscalYearText(y, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((d, r) => {
                const s = summaries.get(d.code);
                return (
                  <tr key={d.code}>
                    <th scope="row">
                      <a href={`/staff/indicators/${encodeURIComponent(d.code)}`}>
                        <T text={d.name} />
                      </a>
                      <Paren>
                        <T text={d.unit} />
                      </Paren>{' '}
                      <SampleBadge sample={d.sample} />
                      <br />
                      <span className="note">
                        <code>{d.code}</code>
                        {d.ownerDepartment && grid.departments[d.ownerDepartment] ? (
                          <>
                            {' '}
                            <T text={grid.departments[d.ownerDepartment]!} />
                          </>
                        ) : null}
                        {s ? (
                          <>
                            {' '}
                            · {lang === 'en' ? (s.status.label.en ?? s.status.label.ja) : s.status.label.ja}
                          </>
                        ) : null}
                      </span>
                    </th>
                    {years.map((fy) => {
                      const c = grid.years.indexOf(fy);
                      const key = keyOf(d.code, fy);
                      const info = values.get(key);
                      const text = edits[key] ?? original(d.code, fy);
                      const changed = edits[key] !== undefined && edits[key] !== original(d.code, fy);
                      const shown = byCell.get(key) ?? [];
                      const label = `${describe(d.code)} ${fiscalYearText(fy, lang)}`;
                      const cls = [
                        changed ? 'changed' : '',
                        shown.length ? 'has-problem' : '',
                        columnClass(fy),
                      ];
                      return (
                        <td key={fy} className={cls.filter(Boolean).join(' ')}>
                          {info?.several ? (
                            <a href={`/staff/indicators/${encodeURIComponent(d.code)}`}>
                              <L ja="複数の値（指標の画面で）" en="Several values (on its page)" />
                            </a>
                          ) : (
                            <input
                              id={`cell-${r}-${c}`}
                              className="grid-cell"
                              inputMode="decimal"
                              autoComplete="off"
                              aria-label={label}
                              aria-invalid={shown.length ? true : undefined}
                              aria-describedby={shown.length ? `msg-${r}-${c}` : undefined}
                              value={text}
                              onChange={(e) => edit({ [key]: e.currentTarget.value })}
                              onKeyDown={(e) => onKeyDown(e, r, c)}
                              onPaste={(e) => onPaste(e, r, fy)}
                            />
                          )}
                          {shown.length ? (
                            <span id={`msg-${r}-${c}`} className="error cell-problem">
                              {shown.map((x) => x.problem.message[lang]).join(' ')}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <fieldset>
        <legend>
          <L ja="保存" en="Save" />
        </legend>
        <div className="field">
          <label htmlFor="grid-source">
            <L ja="出典（必須）" en="Source (required)" />
          </label>
          <input
            id="grid-source"
            value={source}
            aria-invalid={sourceMissing ? true : undefined}
            aria-describedby={sourceMissing ? 'grid-source-msg' : undefined}
            onChange={(e) => setSource(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save(); // type the source, press Enter: saved
            }}
          />
          {sourceMissing ? (
            <span id="grid-source-msg" className="error">
              {general.find((g) => g.problem.code === 'indicator-grid/source-missing')?.problem.message[
                lang
              ] ?? (lang === 'en' ? 'Enter the source.' : '出典を入力してください。')}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="grid-note">
            <L ja="備考" en="Note" />
          </label>
          <input id="grid-note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </div>
        <p role="status" id="grid-status">
          {cells.length
            ? lang === 'en'
              ? `${cells.length} changed cells${byCell.size ? `, ${byCell.size} with a problem` : ''}.`
              : `変更したセル ${cells.length} 件${byCell.size ? `（うち問題あり ${byCell.size} 件）` : ''}。`
            : ''}
          {notice ? ` ${notice}` : ''}
        </p>
        <button type="button" disabled={busy} onClick={() => void save()}>
          <L ja="変更を保存" en="Save changes" />
        </button>{' '}
        <button
          type="button"
          className="secondary"
          disabled={busy || cells.length === 0}
          onClick={() => {
            setEdits({});
            setServerProblems(null);
            setTried(false);
          }}
        >
          <L ja="変更を取り消す" en="Discard changes" />
        </button>
      </fieldset>
      {conflict ? (
        <div role="alert" className="conflict">
          <p className="error">
            <L
              ja="他の人がこの画面を開いた後に値を登録・訂正しました。何も保存していません。"
              en="Someone recorded or corrected values after this page was opened. Nothing was saved."
            />
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            <L
              ja="最新の値を読み込む（入力中の変更は消えます）"
              en="Load the latest values (your changes are lost)"
            />
          </button>
        </div>
      ) : null}
      {general.filter((g) => g.problem.code !== 'indicator-grid/source-missing').length ? (
        <ul role="alert" className="error">
          {general
            .filter((g) => g.problem.code !== 'indicator-grid/source-missing')
            .map((g) => (
              <li key={g.problem.code}>
                {g.problem.message[lang]} <code>{g.problem.code}</code>
              </li>
            ))}
        </ul>
      ) : null}
      <ActualsUpload csrfToken={model.session.csrfToken} />
    </main>
  );
}

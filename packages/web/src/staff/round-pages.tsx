/**
 * The evaluation round dashboards: the rounds that exist, and one round's
 * progress (sheets by state, each sheet with its state in words, and the
 * overdue list with the stage and days late).
 */
import { roundStageLabels, sheetStateLabels } from '@mirai/core';
import type { PageModel, RoundStatusView } from '../types';
import { L, T } from '../ui/text';
import { FiscalYear, JapanDate } from '../ui/years';
import { OpenRoundForm, ReportRender, RoundActions } from './round-actions';

const stateLabel = (s: string) => sheetStateLabels[s as keyof typeof sheetStateLabels] ?? { ja: s, en: s };
const roundStates: Record<string, string> = {
  open: '入力中 / open',
  closed: '締切 / closed',
  published: '公表済 / published',
  locked: '確定 / locked',
};
const roundStateLabel = (s: string) => roundStates[s] ?? s;
const stageLabel = (s: string) => roundStageLabels[s as keyof typeof roundStageLabels] ?? { ja: s, en: s };

function Progress({ status }: { status: RoundStatusView }) {
  const total = status.sheets.length;
  const done = status.sheets.filter((s) => !['draft', 'returned'].includes(s.state)).length;
  return (
    <p>
      <L ja={`提出済み ${done} / ${total} 件`} en={`${done} of ${total} sheets submitted`} />
      {status.overdue.length > 0 ? (
        <>
          {' '}
          <strong className="error">
            <L ja={`（期限超過 ${status.overdue.length} 件）`} en={` (${status.overdue.length} overdue)`} />
          </strong>
        </>
      ) : null}
    </p>
  );
}

export function RoundsPage({ model }: { model: Extract<PageModel, { page: 'staff-rounds' }> }) {
  return (
    <main id="main">
      <h1>
        <L ja="評価の回" en="Evaluation rounds" />
      </h1>
      {model.rounds.length === 0 ? (
        <p>
          <L ja="開始された評価の回はまだありません。" en="No evaluation round has been opened yet." />
        </p>
      ) : (
        <ul className="cards">
          {model.rounds.map((r) => (
            <li key={r.round.id} className="card">
              <h2>
                <a href={`/staff/rounds/${r.round.fiscalYear}`}>
                  <FiscalYear fy={r.round.fiscalYear} />
                  <L ja="の評価" en=" evaluation" />
                </a>
              </h2>
              <Progress status={r} />
            </li>
          ))}
        </ul>
      )}
      {model.canManage ? <OpenRoundForm years={model.openableYears} csrf={model.session.csrfToken} /> : null}
      {model.canManage && model.openableYears.length === 0 && model.nextOpenable ? (
        <p id="next-round">
          <L
            ja="評価の回は、評価する年度が終わってから開始します。次は"
            en="A round is opened once the year it evaluates has ended. Next: "
          />
          <FiscalYear fy={model.nextOpenable} />
          <L ja="の評価で、" en=" evaluation, from " />
          <JapanDate iso={`${model.nextOpenable + 1}-04-01`} />
          <L ja="から開始できます。" en="." />
        </p>
      ) : null}
    </main>
  );
}

export function RoundPage({ model }: { model: Extract<PageModel, { page: 'staff-round' }> }) {
  const s = model.status;
  return (
    <main id="main">
      <p>
        <a href="/staff/rounds">
          <L ja="評価の回の一覧" en="All rounds" />
        </a>
      </p>
      <h1>
        <FiscalYear fy={s.round.fiscalYear} />
        <L ja="の評価：進捗" en=" evaluation: progress" />
      </h1>
      <p>
        <L ja="回の状態" en="Round state" />: <span id="round-state">{roundStateLabel(s.round.state)}</span>
      </p>
      <Progress status={s} />
      <RoundActions
        fiscalYear={s.round.fiscalYear}
        state={s.round.state}
        version={s.round.version}
        csrf={model.session.csrfToken}
        canManage={model.canManage}
        departments={model.departments}
      />
      <ReportRender fiscalYear={s.round.fiscalYear} csrf={model.session.csrfToken} />
      <table>
        <caption>
          <L ja="状態別の件数" en="Sheets by state" />
        </caption>
        <thead>
          <tr>
            {Object.keys(s.counts).map((k) => (
              <th scope="col" key={k}>
                <T text={stateLabel(k)} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {Object.entries(s.counts).map(([k, n]) => (
              <td className="num" key={k}>
                {n}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h2>
        <L ja="期限超過" en="Overdue" />
      </h2>
      {s.overdue.length === 0 ? (
        <p>
          <L ja="ありません。" en="None." />
        </p>
      ) : (
        <table>
          <caption>
            <L ja="期限を過ぎたシート" en="Sheets past their due date" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="シート" en="Sheet" />
              </th>
              <th scope="col">
                <L ja="担当" en="Department" />
              </th>
              <th scope="col">
                <L ja="段階" en="Stage" />
              </th>
              <th scope="col">
                <L ja="期限" en="Due" />
              </th>
              <th scope="col">
                <L ja="超過日数" en="Days late" />
              </th>
            </tr>
          </thead>
          <tbody>
            {s.overdue.map((o) => (
              <tr key={`${o.sheetId}-${o.stage}`}>
                <td>
                  <a href={`/staff/sheets/${encodeURIComponent(o.sheetId)}`}>{o.code}</a>
                </td>
                <td>
                  {model.departments.find((d) => d.code === o.departmentCode)?.name ?? o.departmentCode}
                </td>
                <td>
                  <T text={stageLabel(o.stage)} />
                </td>
                <td>{o.due}</td>
                <td className="num">{o.daysOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>
        <L ja="シート" en="Sheets" />
      </h2>
      <div className="table-scroll">
        <table id="round-sheets">
          <caption>
            <L ja="この回のシート" en="Sheets of this round" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="コード" en="Code" />
              </th>
              <th scope="col">
                <L ja="名称" en="Name" />
              </th>
              <th scope="col">
                <L ja="種類" en="Kind" />
              </th>
              <th scope="col">
                <L ja="担当" en="Department" />
              </th>
              <th scope="col">
                <L ja="状態" en="State" />
              </th>
            </tr>
          </thead>
          <tbody>
            {s.sheets.map((x) => (
              <tr key={x.id}>
                <td>
                  <a href={`/staff/sheets/${encodeURIComponent(x.id)}`}>{x.code}</a>
                </td>
                <td>{x.name}</td>
                <td>
                  {x.kind === 'project' ? <L ja="事務事業" en="Project" /> : <L ja="施策" en="Measure" />}
                </td>
                <td>
                  {model.departments.find((d) => d.code === x.departmentCode)?.name ?? x.departmentCode}
                </td>
                <td>
                  <span className={`status status-${x.state}`}>
                    <T text={stateLabel(x.state)} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

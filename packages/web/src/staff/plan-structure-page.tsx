/**
 * The plan's structure as staff see it (drafts included): strategies →
 * fields → measures → projects with their codes, indicators per node, and
 * the version history. Changes are made by importing the plan file
 * (`mirai plan import`); there is no HTTP endpoint for writing the plan yet.
 */
import type { PageModel } from '../types';
import { L, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'staff-plan' }>;

export function PlanStructurePage({ model }: { model: Model }) {
  const { tree } = model;
  return (
    <main id="main">
      <h1>
        <L ja="計画の構造" en="Plan structure" />
      </h1>
      <p>
        <T text={tree.plan.title} />（<L ja={`版 ${tree.version}`} en={`version ${tree.version}`} />）
      </p>
      <p className="note">
        <L
          ja="構造の変更は計画ファイル（YAML）を編集し、mirai plan validate で確認してから mirai plan import で取り込みます（版の管理と監査記録つき）。画面からの編集は、計画を書き込む API ができてから対応します。"
          en="To change the structure, edit the plan file (YAML), check it with mirai plan validate and load it with mirai plan import (versioned and audited). Editing from this page waits for an API that writes the plan."
        />
      </p>
      <ul className="tree">
        {tree.strategies.map((s) => (
          <li key={s.code}>
            <h2>
              {s.code} <T text={s.name} />
            </h2>
            <ul>
              {s.fields.map((f) => (
                <li key={f.code}>
                  <h3>
                    {f.code} <T text={f.name} />
                    {f.indicators.length > 0 ? (
                      <span className="note">
                        （<L ja={`指標 ${f.indicators.length}`} en={`${f.indicators.length} indicators`} />）
                      </span>
                    ) : null}
                  </h3>
                  <ul>
                    {f.measures.map((m) => (
                      <li key={m.code}>
                        {m.code} <T text={m.name} /> <SampleBadge sample={m.sample} />
                        {m.projects.length > 0 ? (
                          <ul>
                            {m.projects.map((p) => (
                              <li key={`${p.fiscalYear}-${p.code}`}>
                                {p.code} <T text={p.name} />（<FiscalYear fy={p.fiscalYear} />・{p.department}
                                ） <SampleBadge sample={p.sample} />
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <table>
        <caption>
          <L ja="計画データの版" en="Versions of the plan data" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="版" en="Version" />
            </th>
            <th scope="col">
              <L ja="日時" en="Date" />
            </th>
            <th scope="col">
              <L ja="登録者" en="By" />
            </th>
            <th scope="col">
              <L ja="備考" en="Note" />
            </th>
          </tr>
        </thead>
        <tbody>
          {model.history.map((h) => (
            <tr key={h.version}>
              <td className="num">{h.version}</td>
              <td>{h.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{h.actor}</td>
              <td>{h.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

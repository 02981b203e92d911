/**
 * The plan's structure as staff see it (drafts included). Accounts that may
 * change the plan (plan:import) get the editor; everyone else the read-only
 * tree (strategies → fields → measures → projects with their codes and
 * indicators). Both show the version history.
 */
import { buildPlanTree, type PlanTree } from '@mirai/core';
import type { PageModel } from '../types';
import { PlanHistoryTable } from '../ui/plan-history-table';
import { useLevel } from '../ui/site';
import { L, Paren, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { PlanEditor } from './plan-editor';

type Model = Extract<PageModel, { page: 'staff-plan' }>;

export function PlanStructurePage({ model }: { model: Model }) {
  const { document, version } = model;
  const level = useLevel();
  return (
    <main id="main">
      <h1>
        <L ja="計画の構造" en="Plan structure" />
      </h1>
      <p>
        <T text={document.plan.title} />
        <Paren>
          <L ja={`版 ${version}`} en={`version ${version}`} />
        </Paren>
      </p>
      {model.canEdit ? (
        <>
          <p className="note">
            <L
              ja={`${level('strategy')}・${level('field')}・${level('measure')}を編集して保存すると、計画の新しい版になります（監査記録つき）。ほかの項目は計画ファイルを mirai plan import で取り込みます。`}
              en={`Saving your changes to the ${level('strategy')}, ${level('field')} and ${level('measure')} levels makes a new version of the plan (audited). Other parts are changed by importing the plan file with mirai plan import.`}
            />
          </p>
          <PlanEditor document={document} version={version} csrfToken={model.session.csrfToken} />
        </>
      ) : (
        <>
          <p className="note">
            <L
              ja="計画の編集は、企画担当（planning-editor）と管理者ができます。"
              en="The planning division (planning-editor) and administrators can edit the plan."
            />
          </p>
          <ReadOnlyTree tree={buildPlanTree(document)} />
        </>
      )}
      <PlanHistoryTable history={model.history} />
    </main>
  );
}

function ReadOnlyTree({ tree }: { tree: PlanTree }) {
  return (
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
                              {p.code} <T text={p.name} />
                              <Paren>
                                <FiscalYear fy={p.fiscalYear} />・{p.department}
                              </Paren>{' '}
                              <SampleBadge sample={p.sample} />
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
  );
}

/**
 * Sectoral plans (個別計画) and their alignment with the comprehensive plan:
 * the public sees the published ones; staff see drafts too. Each plan with its
 * period, department, legal basis and the findings of the alignment check.
 */
import { describeFinding } from '@mirai/core';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { Level } from '../ui/site';
import { Ja, L, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'sectoral-plans' }>;

export function SectoralPlansPage({ model }: { model: Model }) {
  const { check } = model;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="個別計画" en="Sectoral plans" /> }]} />
      <h1>
        <L
          ja="個別計画と総合計画との整合"
          en="Sectoral plans and their alignment with the comprehensive plan"
        />
      </h1>
      <p>
        <L
          ja="各分野の個別計画は、総合計画との整合を図りながら策定します。下は登録された個別計画と、整合の点検結果です。"
          en="Each sector's plan is drawn up in line with the comprehensive plan. Below: the registered sectoral plans and what the alignment check finds."
        />{' '}
        <L ja="点検の基準年度: " en="Checked as of " />
        <FiscalYear fy={check.currentFiscalYear} />
      </p>
      {check.registered.length === 0 ? (
        <p>
          <L ja="公開されている個別計画はまだありません。" en="No sectoral plan is published yet." />
        </p>
      ) : null}
      {check.registered.map(({ plan }) => {
        const findings = check.plans.find((p) => p.code === plan.code)?.findings ?? [];
        return (
          <section key={plan.code} className="card" aria-labelledby={`sp-${plan.code}`}>
            <h2 id={`sp-${plan.code}`}>
              <T text={plan.name} /> <SampleBadge sample={plan.sample} />
              {plan.status === 'draft' ? (
                <span className="badge">
                  <L ja="下書き" en="Draft" />
                </span>
              ) : null}
            </h2>
            <dl className="facts">
              <dt>
                <L ja="計画期間" en="Period" />
              </dt>
              <dd>
                <FiscalYear fy={plan.startFiscalYear} />〜<FiscalYear fy={plan.endFiscalYear} />
              </dd>
              <dt>
                <L ja="担当" en="Department" />
              </dt>
              <dd>
                <Ja>
                  {model.departments.find((d) => d.code === plan.department)?.name.ja ?? plan.department}
                </Ja>
              </dd>
              {plan.legalBasis ? (
                <>
                  <dt>
                    <L ja="根拠法令" en="Legal basis" />
                  </dt>
                  <dd>
                    <T text={plan.legalBasis} />
                  </dd>
                </>
              ) : null}
              {plan.documentUrl ? (
                <>
                  <dt>
                    <L ja="計画書" en="Document" />
                  </dt>
                  <dd>{plan.documentUrl}</dd>
                </>
              ) : null}
              <dt>
                <Level k="field" />
              </dt>
              <dd>
                {plan.fields.map((f) => (
                  <a key={f} href={`/fields/${f}`}>
                    {f}{' '}
                  </a>
                ))}
              </dd>
            </dl>
            <h3>
              <L ja="整合の点検" en="Alignment check" />
            </h3>
            {findings.length === 0 ? (
              <p>
                <L ja="食い違いは見つかりませんでした。" en="No misalignment found." />
              </p>
            ) : (
              <ul>
                {findings.map((f) => (
                  <li key={JSON.stringify(f)}>
                    <T text={describeFinding(f)} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <section aria-labelledby="uncovered">
        <h2 id="uncovered">
          <L ja="個別計画のない" en="Without a sectoral plan: " />
          <Level k="field" />
        </h2>
        {check.fieldsWithoutSectoralPlan.length === 0 ? (
          <p>
            <L ja="すべてに個別計画があります。" en="Every one has a sectoral plan." />
          </p>
        ) : (
          <ul>
            {check.fieldsWithoutSectoralPlan.map((f) => (
              <li key={f.code}>
                <a href={`/fields/${f.code}`}>
                  <T text={f.name} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

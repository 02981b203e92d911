/**
 * Staff: the register of sectoral plans (個別計画). Lists every plan (drafts
 * too) with its alignment findings; the planning division adds one, edits one
 * read at its version (409 when someone changed it since), and publishes or
 * withdraws it. Every write goes through the API (apiClient), audited there.
 */
import { describeFinding, type SectoralPlan, type Text } from '@mirai/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L, pick, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-sectoral-plans' }>;
type Named = { code: string; name: Text };

const str = (d: FormData, k: string) => String(d.get(k) ?? '').trim();
const num = (d: FormData, k: string) => (str(d, k) === '' ? undefined : Number(str(d, k)));

/** The form's values as a sectoral plan document (other own indicators kept as they were). */
function planFrom(d: FormData, before: SectoralPlan | null): Record<string, unknown> {
  const indicatorName = str(d, 'indicatorName');
  const targetYear = num(d, 'targetYear');
  const targetValue = num(d, 'targetValue');
  const sameAs = str(d, 'sameAs');
  const indicator = indicatorName
    ? [
        {
          name: { ja: indicatorName },
          ...(sameAs ? { sameAs } : {}),
          direction: str(d, 'direction') || 'higher-is-better',
          ...(targetYear !== undefined && targetValue !== undefined
            ? { target: { fiscalYear: targetYear, value: targetValue } }
            : {}),
        },
      ]
    : [];
  const nameEn = str(d, 'nameEn');
  const legal = str(d, 'legalBasis');
  const url = str(d, 'documentUrl');
  return {
    code: before?.code ?? str(d, 'code'),
    name: { ja: str(d, 'nameJa'), ...(nameEn ? { en: nameEn } : {}) },
    department: str(d, 'department'),
    startFiscalYear: num(d, 'startFiscalYear'),
    endFiscalYear: num(d, 'endFiscalYear'),
    ...(legal ? { legalBasis: { ja: legal } } : {}),
    ...(url ? { documentUrl: url } : {}),
    fields: d.getAll('fields').map(String),
    measures: d.getAll('measures').map(String),
    indicators: [...indicator, ...(before?.indicators.slice(1) ?? [])],
    status: before?.status ?? 'draft',
    ...(before?.sample ? { sample: true } : {}),
  };
}

function Choices({
  name,
  items,
  chosen,
  legend,
}: {
  name: string;
  items: Named[];
  chosen: string[];
  legend: Text;
}) {
  return (
    <fieldset className="choices">
      <legend>
        <T text={legend} />
      </legend>
      {items.map((x) => (
        <label key={x.code}>
          <input type="checkbox" name={name} value={x.code} defaultChecked={chosen.includes(x.code)} />{' '}
          {x.code} <T text={x.name} />
        </label>
      ))}
    </fieldset>
  );
}

function PlanForm({
  model,
  before,
  version,
  onDone,
}: {
  model: Model;
  before: SectoralPlan | null;
  version: number | null;
  onDone: (problems: ApiProblem[], conflict: boolean) => void;
}) {
  const lang = useLang();
  const api = apiClient('areas', model.session.csrfToken).api.v1.staff['sectoral-plans'];
  const id = (k: string) => `sp-form-${k}`;
  const ind = before?.indicators[0];
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const plan = planFrom(new FormData(e.currentTarget), before);
    const res = await api.$post({
      json: { plan: { ...plan }, ...(version !== null ? { expectedVersion: version } : {}) },
    });
    if (res.ok) window.location.reload();
    else onDone(problemsOf(await res.json().catch(() => null)), res.status === 409);
  }
  const field = (k: string, label: Text, input: ReactNode) => (
    <div className="field">
      <label htmlFor={id(k)}>
        <T text={label} />
      </label>
      {input}
    </div>
  );
  return (
    <form onSubmit={submit} id="sectoral-plan-form">
      <fieldset>
        <legend>
          {before ? (
            <L
              ja={`「${before.name.ja}」を編集（版 ${version}）`}
              en={`Edit “${pick(before.name, 'en').value}” (version ${version})`}
            />
          ) : (
            <L ja="個別計画を登録する" en="Register a sectoral plan" />
          )}
        </legend>
        {before
          ? null
          : field(
              'code',
              { ja: 'コード', en: 'Code' },
              <input id={id('code')} name="code" required pattern="[A-Za-z0-9][A-Za-z0-9_\-]*" />,
            )}
        {field(
          'nameJa',
          { ja: '名称', en: 'Name (Japanese)' },
          <input id={id('nameJa')} name="nameJa" required defaultValue={before?.name.ja ?? ''} />,
        )}
        {field(
          'nameEn',
          { ja: '名称（英語）', en: 'Name (English)' },
          <input id={id('nameEn')} name="nameEn" defaultValue={before?.name.en ?? ''} />,
        )}
        {field(
          'department',
          { ja: '担当', en: 'Department' },
          <select id={id('department')} name="department" required defaultValue={before?.department ?? ''}>
            <option value="">{lang === 'en' ? '(choose)' : '（選ぶ）'}</option>
            {model.departments.map((d) => (
              <option key={d.code} value={d.code}>
                {pick(d.name, lang).value}
              </option>
            ))}
          </select>,
        )}
        {field(
          'startFiscalYear',
          { ja: '計画期間の初年度', en: 'First fiscal year' },
          <input
            id={id('startFiscalYear')}
            name="startFiscalYear"
            type="number"
            required
            min={1900}
            max={2200}
            defaultValue={before?.startFiscalYear}
          />,
        )}
        {field(
          'endFiscalYear',
          { ja: '計画期間の最終年度', en: 'Last fiscal year' },
          <input
            id={id('endFiscalYear')}
            name="endFiscalYear"
            type="number"
            required
            min={1900}
            max={2200}
            defaultValue={before?.endFiscalYear}
          />,
        )}
        {field(
          'legalBasis',
          { ja: '根拠法令', en: 'Legal basis' },
          <input id={id('legalBasis')} name="legalBasis" defaultValue={before?.legalBasis?.ja ?? ''} />,
        )}
        {field(
          'documentUrl',
          { ja: '計画書（URL など）', en: 'Document (URL or number)' },
          <input id={id('documentUrl')} name="documentUrl" defaultValue={before?.documentUrl ?? ''} />,
        )}
        <Choices
          name="fields"
          items={model.fields}
          chosen={before?.fields ?? []}
          legend={{ ja: '関係する分野', en: 'Fields it serves' }}
        />
        <Choices
          name="measures"
          items={model.measures}
          chosen={before?.measures ?? []}
          legend={{ ja: '関係する施策', en: 'Measures it serves' }}
        />
        <fieldset>
          <legend>
            <L ja="個別計画の指標（1件）" en="The sectoral plan's own indicator (one)" />
          </legend>
          {field(
            'indicatorName',
            { ja: '指標名', en: 'Indicator name' },
            <input id={id('indicatorName')} name="indicatorName" defaultValue={ind?.name.ja ?? ''} />,
          )}
          {field(
            'sameAs',
            { ja: '総合計画の同じ指標', en: "Same concept as the plan's indicator" },
            <select id={id('sameAs')} name="sameAs" defaultValue={ind?.sameAs ?? ''}>
              <option value="">{lang === 'en' ? '(none)' : '（なし）'}</option>
              {model.indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {pick(i.name, lang).value}
                </option>
              ))}
            </select>,
          )}
          {field(
            'direction',
            { ja: '望ましい方向', en: 'Direction' },
            <select id={id('direction')} name="direction" defaultValue={ind?.direction ?? 'higher-is-better'}>
              <option value="higher-is-better">{lang === 'en' ? 'Higher is better' : '高いほどよい'}</option>
              <option value="lower-is-better">{lang === 'en' ? 'Lower is better' : '低いほどよい'}</option>
              <option value="within-band">{lang === 'en' ? 'Within a band' : '一定の範囲内'}</option>
            </select>,
          )}
          {field(
            'targetYear',
            { ja: '目標年度', en: 'Target fiscal year' },
            <input
              id={id('targetYear')}
              name="targetYear"
              type="number"
              min={1900}
              max={2200}
              defaultValue={ind?.target?.fiscalYear}
            />,
          )}
          {field(
            'targetValue',
            { ja: '目標値', en: 'Target value' },
            <input
              id={id('targetValue')}
              name="targetValue"
              type="number"
              step="any"
              defaultValue={ind?.target?.value}
            />,
          )}
        </fieldset>
        <button type="submit">{before ? <L ja="保存" en="Save" /> : <L ja="登録" en="Register" />}</button>
      </fieldset>
    </form>
  );
}

export function SectoralPlansStaffPage({ model }: { model: Model }) {
  const { check } = model;
  const api = apiClient('areas', model.session.csrfToken).api.v1.staff['sectoral-plans'];
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const done = (p: ApiProblem[], c: boolean) => {
    setProblems(p);
    setConflict(c);
  };
  async function setStatus(plan: SectoralPlan, version: number, status: SectoralPlan['status']) {
    const res = await api.$post({ json: { plan: { ...plan, status }, expectedVersion: version } });
    if (res.ok) window.location.reload();
    else done(problemsOf(await res.json().catch(() => null)), res.status === 409);
  }
  const current = check.registered.find((r) => r.plan.code === editing) ?? null;
  return (
    <main id="main">
      <h1>
        <L ja="個別計画の登録と整合の点検" en="Sectoral plans: register and alignment" />
      </h1>
      <p>
        <L ja="点検の基準年度: " en="Checked as of " />
        <FiscalYear fy={check.currentFiscalYear} />
        <L
          ja="。公開した個別計画は公開サイトの「個別計画」に載ります。"
          en=". Published sectoral plans appear on the public “Sectoral plans” page."
        />{' '}
        <a href="/sectoral-plans">/sectoral-plans</a>
      </p>
      {conflict ? (
        <p role="alert" className="notice">
          <L
            ja="読み込んだ後に他の人が変更しました。再読み込みして最新の版から直してください。"
            en="Someone changed it after you loaded it. Reload and edit the newest version."
          />
        </p>
      ) : null}
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
      {check.registered.length === 0 ? (
        <p>
          <L ja="登録された個別計画はありません。" en="No sectoral plan is registered." />
        </p>
      ) : null}
      {check.registered.map(({ plan, version }) => {
        const findings = check.plans.find((p) => p.code === plan.code)?.findings ?? [];
        return (
          <section
            key={plan.code}
            className="card"
            id={`sp-${plan.code}`}
            aria-labelledby={`sp-h-${plan.code}`}
          >
            <h2 id={`sp-h-${plan.code}`}>
              <T text={plan.name} /> <SampleBadge sample={plan.sample} />{' '}
              <span className="badge">
                {plan.status === 'draft' ? <L ja="下書き" en="Draft" /> : <L ja="公開中" en="Published" />}
              </span>
            </h2>
            <p>
              {plan.code} · <FiscalYear fy={plan.startFiscalYear} />〜<FiscalYear fy={plan.endFiscalYear} /> ·{' '}
              <L ja="版" en="version" /> {version}
            </p>
            <h3>
              <L ja="整合の点検" en="Alignment check" />
            </h3>
            {findings.length === 0 ? (
              <p>
                <L ja="食い違いは見つかりませんでした。" en="No misalignment found." />
              </p>
            ) : (
              <ul className="findings">
                {findings.map((f) => (
                  <li key={JSON.stringify(f)}>
                    <T text={describeFinding(f)} />
                  </li>
                ))}
              </ul>
            )}
            {model.canManage ? (
              <p className="actions">
                <button type="button" className="secondary" onClick={() => setEditing(plan.code)}>
                  <L ja={`「${plan.name.ja}」を編集`} en={`Edit “${pick(plan.name, 'en').value}”`} />
                </button>{' '}
                {plan.status === 'draft' ? (
                  <button type="button" onClick={() => void setStatus(plan, version, 'published')}>
                    <L ja={`「${plan.name.ja}」を公開`} en={`Publish “${pick(plan.name, 'en').value}”`} />
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void setStatus(plan, version, 'draft')}
                  >
                    <L
                      ja={`「${plan.name.ja}」の公開をやめる`}
                      en={`Withdraw “${pick(plan.name, 'en').value}”`}
                    />
                  </button>
                )}
              </p>
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="uncovered">
        <h2 id="uncovered">
          <L ja="個別計画のない分野" en="Fields without a sectoral plan" />
        </h2>
        <p>{check.fieldsWithoutSectoralPlan.map((f) => f.code).join('、') || <L ja="なし" en="None" />}</p>
      </section>
      {model.canManage ? (
        current ? (
          <PlanForm
            key={current.plan.code}
            model={model}
            before={current.plan}
            version={current.version}
            onDone={done}
          />
        ) : (
          <PlanForm key="new" model={model} before={null} version={null} onDone={done} />
        )
      ) : null}
    </main>
  );
}

/**
 * The plan structure editor's inputs: bilingual text pairs, a measure's
 * settings (field, phase, promotion period, target areas, sample flag), each
 * labelled, with the problems that name its path shown beside it.
 */
import { type Measure, type PlanDocument, phaseLabel, type Text } from '@mirai/core';
import { useLang } from '../i18n/lang';
import { useSite } from '../ui/site';
import { L, Paren, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { type EditProblem, inputId, measureLinks, problemsAt } from './plan-edit-model';

export type Change = (path: string, value: unknown) => void;

function Messages({ id, problems }: { id: string; problems: EditProblem[] }) {
  const lang = useLang();
  if (problems.length === 0) return null;
  return (
    <span id={`${id}-msg`} className="error">
      {[...new Set(problems.map((p) => p.message[lang]))].join(' / ')}
    </span>
  );
}

/** One text input (or textarea) bound to a path. */
export function TextInput(props: {
  path: string;
  label: { ja: string; en?: string };
  value: string;
  problems: readonly EditProblem[];
  onChange: Change;
  multiline?: boolean;
  contentLang?: 'ja' | 'en';
}) {
  const id = inputId(props.path);
  const mine = problemsAt(props.problems, props.path);
  const common = {
    id,
    value: props.value,
    lang: props.contentLang,
    'aria-invalid': mine.length > 0 ? true : undefined,
    'aria-describedby': mine.length > 0 ? `${id}-msg` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        <L ja={props.label.ja} en={props.label.en ?? props.label.ja} />
      </label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => props.onChange(props.path, e.currentTarget.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(props.path, e.currentTarget.value)} />
      )}
      <Messages id={id} problems={mine} />
    </div>
  );
}

/** The Japanese and English of one text. */
export function TextPair(props: {
  path: string;
  label: { ja: string; en?: string };
  text: Text;
  problems: readonly EditProblem[];
  onChange: Change;
  multiline?: boolean;
}) {
  return (
    <div className="grid-3">
      <TextInput
        path={`${props.path}.ja`}
        label={{ ja: `${props.label.ja}（日本語）`, en: `${props.label.en} (Japanese)` }}
        value={props.text.ja}
        problems={props.problems}
        onChange={props.onChange}
        multiline={props.multiline}
        contentLang="ja"
      />
      <TextInput
        path={`${props.path}.en`}
        label={{ ja: `${props.label.ja}（英語）`, en: `${props.label.en} (English)` }}
        value={props.text.en ?? ''}
        problems={props.problems}
        onChange={props.onChange}
        multiline={props.multiline}
        contentLang="en"
      />
    </div>
  );
}

function Select(props: {
  path: string;
  label: { ja: string; en?: string };
  value: string;
  options: { value: string; label: string }[];
  problems: readonly EditProblem[];
  onChange: (value: string) => void;
}) {
  const id = inputId(props.path);
  const mine = problemsAt(props.problems, props.path);
  return (
    <div className="field">
      <label htmlFor={id}>
        <L ja={props.label.ja} en={props.label.en ?? props.label.ja} />
      </label>
      <select
        id={id}
        value={props.value}
        aria-invalid={mine.length > 0 ? true : undefined}
        aria-describedby={mine.length > 0 ? `${id}-msg` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} problems={mine} />
    </div>
  );
}

const periodLabels = {
  short: { ja: '短期', en: 'Short term' },
  long: { ja: '長期', en: 'Long term' },
};

/** One measure's inputs; a new measure's code is editable, an existing one's is stable. */
export function MeasureEditor(props: {
  doc: PlanDocument;
  index: number;
  measure: Measure;
  isNew: boolean;
  problems: readonly EditProblem[];
  onChange: Change;
  onRemove: () => void;
}) {
  const lang = useLang();
  const { doc, index: i, measure: m, problems, onChange } = props;
  const base = `measures[${i}]`;
  const links = measureLinks(doc, m.code);
  const areasId = inputId(`${base}.targetAreas`);
  const areaProblems = problemsAt(problems, `${base}.targetAreas`);
  const projects = doc.implementationPlans.flatMap((ip) =>
    ip.projects.filter((p) => p.measure === m.code).map((p) => ({ p, fy: ip.fiscalYear })),
  );
  const { levelNames } = useSite();
  const nameOf = (t: Text) => (lang === 'en' && t.en ? t.en : t.ja);
  return (
    <fieldset className="measure-edit" id={`measure-${inputId(base)}`}>
      <legend>
        <L ja="施策" en="Measure" /> {m.code} {m.name.ja ? <T text={m.name} /> : null}{' '}
        <SampleBadge sample={m.sample} />
      </legend>
      {props.isNew ? (
        <TextInput
          path={`${base}.code`}
          label={{ ja: 'コード', en: 'Code' }}
          value={m.code}
          problems={problems}
          onChange={onChange}
        />
      ) : (
        <Messages id={inputId(`${base}.code`)} problems={problemsAt(problems, `${base}.code`)} />
      )}
      <TextPair
        path={`${base}.name`}
        label={{ ja: '名称', en: 'Name' }}
        text={m.name}
        {...{ problems, onChange }}
      />
      <Select
        path={`${base}.field`}
        label={levelNames.field}
        value={m.field}
        options={doc.fields.map((f) => ({ value: f.code, label: `${f.code} ${nameOf(f.name)}` }))}
        problems={problems}
        onChange={(v) => onChange(`${base}.field`, v)}
      />
      <Select
        path={`${base}.phase`}
        label={levelNames.phase}
        value={String(m.phase)}
        options={doc.phases.map((p) => ({
          value: String(p.number),
          label:
            lang === 'en'
              ? `${phaseLabel(p, levelNames, 'en')} (FY${p.startFiscalYear}–${p.endFiscalYear})`
              : `${phaseLabel(p, levelNames, 'ja')}（${p.startFiscalYear}〜${p.endFiscalYear}年度）`,
        }))}
        problems={problems}
        onChange={(v) => onChange(`${base}.phase`, Number(v))}
      />
      <Select
        path={`${base}.promotionPeriod`}
        label={{ ja: '推進期間', en: 'Promotion period' }}
        value={m.promotionPeriod ?? 'long'}
        options={(['short', 'long'] as const).map((k) => ({ value: k, label: periodLabels[k][lang] }))}
        problems={problems}
        onChange={(v) => onChange(`${base}.promotionPeriod`, v)}
      />
      <fieldset id={areasId} aria-describedby={areaProblems.length > 0 ? `${areasId}-msg` : undefined}>
        <legend>
          <L ja="対象エリア" en="Target areas" />
        </legend>
        {doc.areas.map((a) => (
          <label key={a.code} className="check">
            <input
              type="checkbox"
              checked={m.targetAreas.includes(a.code)}
              onChange={(e) =>
                onChange(
                  `${base}.targetAreas`,
                  e.currentTarget.checked
                    ? [...m.targetAreas, a.code]
                    : m.targetAreas.filter((c) => c !== a.code),
                )
              }
            />
            {nameOf(a.name)}
          </label>
        ))}
        <Messages id={areasId} problems={areaProblems} />
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={m.sample === true}
          onChange={(e) => onChange(`${base}.sample`, e.currentTarget.checked ? true : undefined)}
        />
        <L ja="サンプル（説明用の項目）" en="Sample (illustrative item)" />
      </label>
      {projects.length > 0 ? (
        <>
          <p className="note">
            <L ja="事業（実施計画で編集）" en="Projects (edited in the implementation plans)" />
          </p>
          <ul className="dense">
            {projects.map(({ p, fy }) => (
              <li key={`${fy}-${p.code}`}>
                {p.code} <T text={p.name} />
                <Paren>
                  <FiscalYear fy={fy} />・{p.department}
                </Paren>{' '}
                <SampleBadge sample={p.sample} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {links.projects + links.indicators > 0 ? (
          <span className="note" id={`${inputId(base)}-links`}>
            <L
              ja={`この施策には事業 ${links.projects} 件・指標 ${links.indicators} 件がつながっています。削除するとそれらの参照先がなくなり、保存できません。`}
              en={`${links.projects} projects and ${links.indicators} indicators refer to this measure; removing it leaves them without it and the plan cannot be saved.`}
            />{' '}
          </span>
        ) : null}
        <button
          type="button"
          className="secondary"
          aria-describedby={links.projects + links.indicators > 0 ? `${inputId(base)}-links` : undefined}
          onClick={props.onRemove}
        >
          <L ja={`施策 ${m.code} を削除`} en={`Remove measure ${m.code}`} />
        </button>
      </p>
    </fieldset>
  );
}

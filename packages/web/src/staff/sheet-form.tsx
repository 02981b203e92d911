/**
 * The fields of an evaluation sheet, laid out from its template: texts,
 * the project period, delivery methods, cost inputs, ratings, the overall
 * rating and the direction. Every control is labelled; a field's problems
 * are announced next to it (aria-describedby, aria-invalid).
 */
import {
  deliveryMethodLabels,
  deliveryMethods,
  type Problem,
  type SheetContent,
  type TemplateSet,
} from '@mirai/core';
import { useLang } from '../i18n/lang';
import { L, T } from '../ui/text';

export function valueAt(content: unknown, path: string): unknown {
  let v: unknown = content;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A copy of the content with one value set at a dotted path. */
export function withValue<C>(content: C, path: string, value: unknown): C {
  const copy = structuredClone(content) as Record<string, unknown>;
  const keys = path.split('.');
  let o = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1] as string] = value;
  return copy as C;
}

const idOf = (path: string) => `f-${path.replace(/\./g, '-')}`;

interface Props {
  content: SheetContent;
  templates: TemplateSet;
  problems: Problem[];
  disabled: boolean;
  onChange: (path: string, value: unknown) => void;
}

export function SheetForm({ content, templates, problems, disabled, onChange }: Props) {
  const lang = useLang();
  const template = templates[content.kind];
  const messages = (path: string) =>
    problems.filter((p) => p.where?.field === path || p.where?.path === path);
  const described = (path: string) => {
    const m = messages(path);
    return m.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${idOf(path)}-msg` } : {};
  };
  const msg = (path: string) => {
    const m = messages(path);
    return m.length > 0 ? (
      <span id={`${idOf(path)}-msg`} className="error">
        {m.map((p) => p.message[lang]).join(' ')}
      </span>
    ) : null;
  };
  const text = (path: string, label: { ja: string; en: string }, rows = 3) => (
    <div className="field" key={path}>
      <label htmlFor={idOf(path)}>
        <T text={label} />
      </label>
      <textarea
        id={idOf(path)}
        rows={rows}
        value={String(valueAt(content, path) ?? '')}
        disabled={disabled}
        onChange={(e) => onChange(path, e.currentTarget.value)}
        {...described(path)}
      />
      {msg(path)}
    </div>
  );
  const num = (path: string, label: { ja: string; en: string }) => (
    <div className="field" key={path}>
      <label htmlFor={idOf(path)}>
        <T text={label} />
      </label>
      <input
        id={idOf(path)}
        inputMode="decimal"
        value={String(valueAt(content, path) ?? '')}
        disabled={disabled}
        onChange={(e) => {
          const t = e.currentTarget.value.trim();
          onChange(path, t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
        }}
        {...described(path)}
      />
      {msg(path)}
    </div>
  );
  const select = (
    path: string,
    label: { ja: string; en: string },
    options: { code: string; label: { ja: string; en: string } }[],
  ) => (
    <div className="field" key={path}>
      <label htmlFor={idOf(path)}>
        <T text={label} />
      </label>
      <select
        id={idOf(path)}
        value={String(valueAt(content, path) ?? '')}
        disabled={disabled}
        onChange={(e) => onChange(path, e.currentTarget.value || undefined)}
        {...described(path)}
      >
        <option value="">{lang === 'en' ? '(choose)' : '（選択）'}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code === o.label[lang] ? o.code : `${o.code} ${o.label[lang]}`}
          </option>
        ))}
      </select>
      {msg(path)}
    </div>
  );
  const scale = (id: string) => templates.scales.find((s) => s.id === id)?.levels ?? [];
  const textFields = template.fields.filter((f) =>
    [
      'purpose.target',
      'purpose.intent',
      'purpose.means',
      'legalBasis',
      'desiredState',
      'citizenPerception.note',
      'issues',
      'improvements',
    ].includes(f.path),
  );
  return (
    <>
      <fieldset>
        <legend>
          <L ja="内容" en="Content" />
        </legend>
        {textFields.map((f) => text(f.path, f.label))}
        {content.kind === 'project' ? (
          <>
            {num('period.startFiscalYear', { ja: '事業開始年度（西暦）', en: 'First fiscal year' })}
            <fieldset aria-describedby={messages('delivery').length ? `${idOf('delivery')}-msg` : undefined}>
              <legend>
                <L ja="実施方法" en="How delivered" />
              </legend>
              {deliveryMethods.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={content.delivery.includes(d)}
                    disabled={disabled}
                    onChange={(e) =>
                      onChange(
                        'delivery',
                        e.currentTarget.checked
                          ? [...content.delivery, d]
                          : content.delivery.filter((x) => x !== d),
                      )
                    }
                  />{' '}
                  <T text={deliveryMethodLabels[d]} />
                </label>
              ))}
              {msg('delivery')}
            </fieldset>
          </>
        ) : null}
      </fieldset>
      {content.kind === 'project' ? (
        <fieldset>
          <legend>
            <L
              ja={`事業費（${templates.moneyUnit === 'thousand-yen' ? '千円' : '円'}）と人工`}
              en={`Cost (${templates.moneyUnit === 'thousand-yen' ? 'thousand yen' : 'yen'}) and person-years`}
            />
          </legend>
          {num('cost.funding.national', { ja: '国庫支出金', en: 'National' })}
          {num('cost.funding.prefectural', { ja: '県支出金', en: 'Prefectural' })}
          {num('cost.funding.bonds', { ja: '地方債', en: 'Bonds' })}
          {num('cost.funding.other', { ja: 'その他', en: 'Other' })}
          {num('cost.funding.generalRevenue', { ja: '一般財源', en: 'General revenue' })}
          {num('cost.personYears', { ja: '人工（人年）', en: 'Person-years' })}
          {num('cost.averageStaffCost', { ja: '平均職員費', en: 'Average staff cost' })}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>
          <L ja="評価" en="Ratings" />
        </legend>
        {template.ratings.map((r) => select(`ratings.${r.key}`, r.label, scale(r.scaleId)))}
        {select('overallRating', template.overall.label, scale(template.overall.scaleId))}
        {template.directions
          ? select('direction', { ja: '今後の方向性', en: 'Direction' }, template.directions.options)
          : null}
      </fieldset>
    </>
  );
}

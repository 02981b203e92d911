/**
 * The plan structure editor: strategies (name, promise), fields (name,
 * desired state) and measures (added, changed, removed), checked as you
 * type. Saving sends the whole document with the version it was loaded at
 * (PUT /api/v1/staff/plan): the server's problems appear next to the inputs
 * they name, a conflict notice offers to reload when someone saved first,
 * and success shows the new version number.
 */
import type { PlanDocument } from '@mirai/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../i18n/lang';
import { useLevel } from '../ui/site';
import { L, T } from '../ui/text';
import { apiClient } from './api-client';
import {
  type EditProblem,
  inputId,
  localProblems,
  newMeasure,
  problemsOfAnswer,
  setAt,
} from './plan-edit-model';
import { MeasureEditor, TextPair } from './plan-editor-fields';
import { PlanNotices } from './plan-editor-notices';

type SaveState = 'idle' | 'saving' | 'saved' | 'blocked' | 'invalid' | 'conflict' | 'error';

let keySeed = 0;
const nextKey = () => `new-${++keySeed}`;

export function PlanEditor(props: { document: PlanDocument; version: number; csrfToken: string | null }) {
  const lang = useLang();
  const level = useLevel();
  const [doc, setDoc] = useState(props.document);
  const [keys, setKeys] = useState(() => props.document.measures.map((m) => m.code));
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [version, setVersion] = useState(props.version);
  const [note, setNote] = useState('');
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const [server, setServer] = useState<EditProblem[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const local = useMemo(() => localProblems(doc), [doc]);
  const problems = useMemo(() => {
    const seen = new Set(local.map((p) => `${p.path}|${p.message.ja}`));
    return [...local, ...server.filter((p) => !seen.has(`${p.path}|${p.message.ja}`))];
  }, [local, server]);

  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  function change(path: string, value: unknown) {
    setDoc((d) => setAt(d, path, value));
    setServer((s) => s.filter((p) => !(p.path === path || p.path.startsWith(`${path}.`))));
    setDirty(true);
    if (save !== 'conflict') setSave('idle');
  }

  function addMeasure(fieldCode: string) {
    const m = newMeasure(doc, fieldCode);
    setDoc((d) => ({ ...d, measures: [...d.measures, m] }));
    const key = nextKey();
    setKeys((k) => [...k, key]);
    setAdded((a) => new Set([...a, key]));
    setServer([]);
    setDirty(true);
    setFocus(inputId(`measures[${doc.measures.length}].name.ja`));
  }

  function removeMeasure(index: number, fieldCode: string) {
    setDoc((d) => ({ ...d, measures: d.measures.filter((_, i) => i !== index) }));
    setKeys((k) => k.filter((_, i) => i !== index));
    setServer([]);
    setDirty(true);
    setFocus(`pe-add-${fieldCode}`);
  }

  async function saveNow() {
    if (local.length > 0) {
      setSave('blocked');
      summary.current?.focus();
      return;
    }
    setSave('saving');
    setConflict(null);
    const res = await apiClient('plan', props.csrfToken)
      .api.v1.staff.plan.$put({
        json: {
          document: doc as unknown as Record<string, unknown>,
          expectedVersion: version,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      })
      .catch(() => null);
    const body = res ? await res.json().catch(() => null) : null;
    if (res?.ok && body && 'version' in body) {
      setVersion(body.version);
      setServer([]);
      setDirty(false);
      setNote('');
      setAdded(new Set());
      setSave('saved');
      return;
    }
    const found = problemsOfAnswer(body);
    if (res?.status === 409) {
      setConflict(found[0]?.message[lang] ?? null);
      setSave('conflict');
    } else {
      setServer(found);
      setSave(res?.status === 422 ? 'invalid' : 'error');
    }
    summary.current?.focus();
  }

  const fieldsOf = (strategy: string) =>
    doc.fields
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.strategy === strategy)
      .sort((a, b) => a.f.number - b.f.number);
  const measuresOf = (field: string) =>
    doc.measures.map((m, i) => ({ m, i, key: keys[i] ?? m.code })).filter(({ m }) => m.field === field);
  const shown = save === 'blocked' ? local : problems;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void saveNow();
      }}
    >
      <p>
        <L ja={`編集中の版: ${version}`} en={`Editing version ${version}`} />
        {doc.plan.status === 'draft' ? (
          <>
            {' '}
            <span className="status">
              <L ja="下書き（公開ページには出ません）" en="Draft (not on the public pages)" />
            </span>
          </>
        ) : null}
        {dirty ? (
          <>
            {' '}
            <span className="note">
              <L ja="未保存の変更があります" en="Unsaved changes" />
            </span>
          </>
        ) : null}
      </p>
      <nav aria-labelledby="pe-toc-h">
        <h2 id="pe-toc-h" className="note">
          <L ja="目次" en="Contents" />
        </h2>
        <ul className="inline-list">
          {[...doc.fields]
            .sort((a, b) => a.code.localeCompare(b.code))
            .map((f) => (
              <li key={f.code}>
                <a href={`#pe-field-${f.code}`}>
                  {f.code} <T text={f.name.ja ? f.name : { ja: f.code }} />
                </a>
              </li>
            ))}
          <li>
            <a href="#pe-save">
              <L ja="保存へ" en="Save" />
            </a>
          </li>
        </ul>
      </nav>
      {doc.strategies.map((s, si) => (
        <section key={s.code} aria-labelledby={`pe-h-${s.code}`} className="plan-edit-strategy">
          <h2 id={`pe-h-${s.code}`}>
            {s.code} <T text={s.name.ja ? s.name : { ja: '（名称未入力）', en: '(no name)' }} />
          </h2>
          <fieldset>
            <legend>{`${level('strategy')} ${s.code}`}</legend>
            <TextPair
              path={`strategies[${si}].name`}
              label={{ ja: '名称', en: 'Name' }}
              text={s.name}
              {...{ problems, onChange: change }}
            />
            <TextPair
              path={`strategies[${si}].promise`}
              label={{ ja: '約束する価値', en: 'Promise' }}
              text={s.promise ?? { ja: '' }}
              multiline
              {...{ problems, onChange: change }}
            />
          </fieldset>
          {fieldsOf(s.code).map(({ f, i: fi }) => (
            <section key={f.code} aria-labelledby={`pe-h-${f.code}`} id={`pe-field-${f.code}`}>
              <h3 id={`pe-h-${f.code}`}>
                {f.code} <T text={f.name.ja ? f.name : { ja: '（名称未入力）', en: '(no name)' }} />
              </h3>
              <fieldset>
                <legend>{`${level('field')} ${f.code}`}</legend>
                <TextPair
                  path={`fields[${fi}].name`}
                  label={{ ja: '名称', en: 'Name' }}
                  text={f.name}
                  {...{ problems, onChange: change }}
                />
                <TextPair
                  path={`fields[${fi}].desiredState`}
                  label={{ ja: 'ありたい姿', en: 'Desired state' }}
                  text={f.desiredState ?? { ja: '' }}
                  multiline
                  {...{ problems, onChange: change }}
                />
              </fieldset>
              <h4>{lang === 'en' ? `${level('measure')}: ${f.code}` : `${f.code} の${level('measure')}`}</h4>
              {measuresOf(f.code).map(({ m, i, key }) => (
                <MeasureEditor
                  key={key}
                  doc={doc}
                  index={i}
                  measure={m}
                  isNew={added.has(key)}
                  problems={problems}
                  onChange={change}
                  onRemove={() => removeMeasure(i, f.code)}
                />
              ))}
              <button
                type="button"
                className="secondary"
                id={`pe-add-${f.code}`}
                onClick={() => addMeasure(f.code)}
              >
                <L ja={`${f.code} に施策を追加`} en={`Add a measure to ${f.code}`} />
              </button>
            </section>
          ))}
        </section>
      ))}

      <fieldset id="pe-save">
        <legend>
          <L ja="保存" en="Save" />
        </legend>
        <div className="field">
          <label htmlFor="pe-note">
            <L
              ja="変更の説明（任意・版の履歴に残ります）"
              en="What changed (optional, kept in the history)"
            />
          </label>
          <input id="pe-note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={save === 'saving'}>
          <L ja={`版 ${version} をもとに保存`} en={`Save (based on version ${version})`} />
        </button>
        <p id="plan-save-status" role="status">
          {save === 'saving' ? <L ja="保存中…" en="Saving…" /> : null}
          {save === 'saved' ? (
            <L ja={`版 ${version} として保存しました。`} en={`Saved as version ${version}.`} />
          ) : null}
          {save === 'saved' && doc.plan.status === 'draft' ? (
            <L
              ja="下書きのため公開ページには出ません。"
              en=" It is a draft, so the public pages do not show it."
            />
          ) : null}
        </p>
      </fieldset>

      <div ref={summary} tabIndex={-1} id="plan-problems">
        <PlanNotices
          conflict={save === 'conflict' ? (conflict ?? '') : null}
          problems={shown}
          highlight={save === 'blocked' || save === 'invalid'}
          failed={save === 'error' && server.length === 0}
        />
      </div>
    </form>
  );
}

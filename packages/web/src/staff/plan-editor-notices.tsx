/**
 * What the plan editor says after a save attempt: the conflict notice (reload
 * offered) and the problems still to fix, each linked to the input it names.
 */
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';
import { type EditProblem, inputId } from './plan-edit-model';

/** The input a problem's path leads to (its text's Japanese when it names the whole text). */
function targetOf(path: string): string | null {
  const m = path.match(
    /^(strategies|fields|measures)\[\d+\]\.(name|promise|desiredState|code|field|phase|promotionPeriod|targetAreas)(\.(ja|en))?/,
  );
  if (!m) return null;
  const [whole, , key, lang] = m;
  if (['name', 'promise', 'desiredState'].includes(key ?? '') && !lang) return inputId(`${whole}.ja`);
  return inputId(whole);
}

export function PlanNotices(props: {
  /** The server's conflict message, or null when there is no conflict. */
  conflict: string | null;
  problems: readonly EditProblem[];
  /** The problems stopped a save (shown as an error). */
  highlight: boolean;
  /** The save failed for another reason (no problems to show). */
  failed: boolean;
}) {
  const lang = useLang();
  const shown = props.problems;
  return (
    <>
      {props.conflict !== null ? (
        <section className="conflict" aria-labelledby="plan-conflict-h" id="plan-conflict" role="alert">
          <h2 id="plan-conflict-h">
            <L ja="ほかの人が先に保存しました" en="Someone else saved first" />
          </h2>
          <p>{props.conflict}</p>
          <p>
            <L
              ja="最新の版を読み込んでから、変更をやり直してください。読み込むと、この画面の未保存の変更は失われます。"
              en="Load the newest version and make your change again. Loading discards the unsaved changes on this page."
            />
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            <L ja="最新の版を読み込む" en="Load the newest version" />
          </button>
        </section>
      ) : null}
      {shown.length > 0 ? (
        <section aria-labelledby="plan-problems-h">
          <h2 id="plan-problems-h" className={props.highlight ? 'error' : undefined}>
            <L ja={`直す必要がある点（${shown.length} 件）`} en={`To fix (${shown.length})`} />
          </h2>
          <ul>
            {shown.map((p, n) => {
              const target = targetOf(p.path);
              const text = `${p.message[lang]}${p.path ? `（${p.path}）` : ''}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
                <li key={n}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {props.failed ? (
        <p className="error">
          <L
            ja="保存できませんでした。時間をおいて試してください。"
            en="Could not save; please try again later."
          />
        </p>
      ) : null}
    </>
  );
}

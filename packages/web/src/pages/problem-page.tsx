/**
 * A page whose data could not be read (a use case refused it): the catalogued
 * problem in the reader's language, its code for support, and a way back.
 */
import type { PageModel } from '../types';
import { L } from '../ui/text';

export function ProblemPage({ model }: { model: Extract<PageModel, { page: 'problem' }> }) {
  const staff = model.path.startsWith('/staff');
  return (
    <main id="main">
      <h1>
        <L ja="このページを表示できません" en="This page cannot be shown" />
      </h1>
      <ul className="problems">
        {model.problems.map((p) => (
          <li key={p.code}>
            <L ja={p.message.ja} en={p.message.en} /> <small>({p.code})</small>
          </li>
        ))}
      </ul>
      <p>
        <a href={staff ? '/staff' : '/'}>
          {staff ? (
            <L ja="ワークスペースへ戻る" en="Back to the workspace" />
          ) : (
            <L ja="トップページへ戻る" en="Back to the top page" />
          )}
        </a>
      </p>
    </main>
  );
}

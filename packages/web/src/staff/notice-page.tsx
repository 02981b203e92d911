/**
 * A workspace page that cannot show its subject yet (the municipality has not
 * stored the data it needs): its heading, why, and what to do.
 */
import type { PageModel } from '../types';
import { L } from '../ui/text';

export function StaffNoticePage({ model }: { model: Extract<PageModel, { page: 'staff-notice' }> }) {
  const { heading, problem, action } = model;
  return (
    <main id="main">
      <h1>
        <L ja={heading.ja} en={heading.en} />
      </h1>
      <p className="notice" role="status" data-code={problem.code}>
        <L ja={problem.message.ja} en={problem.message.en} />
      </p>
      {action ? (
        <p>
          <a href={action.href} id="notice-action">
            <L ja={action.label.ja} en={action.label.en} />
          </a>
        </p>
      ) : null}
      <p>
        <a href="/staff">
          <L ja="ワークスペースへ戻る" en="Back to the workspace" />
        </a>
      </p>
    </main>
  );
}

/** 403 in words: the account is signed in but its role may not open this page. */
import type { PageModel } from '../types';
import { L, M } from '../ui/text';

export function ForbiddenPage({ model }: { model: Extract<PageModel, { page: 'forbidden' }> }) {
  return (
    <main id="main">
      <h1>
        <M k="forbidden" />
      </h1>
      <p>
        <code>{model.path}</code>
      </p>
      <p>
        <L
          ja="この役割ではこのページを開けません。必要であれば管理者に依頼してください。"
          en="Your role does not allow this page. Ask an administrator if you need it."
        />
      </p>
      <p>
        <a href="/staff">
          <L ja="ワークスペースへ戻る" en="Back to the workspace" />
        </a>
      </p>
    </main>
  );
}

/** 404 in words, with a way back. */
import type { PageModel } from '../types';
import { L, M } from '../ui/text';

export function NotFoundPage({ model }: { model: Extract<PageModel, { page: 'not-found' }> }) {
  return (
    <main id="main">
      <h1>
        <M k="notFound" />
      </h1>
      <p>
        <code>{model.path}</code>
      </p>
      <p>
        <a href="/">
          <L ja="トップページへ戻る" en="Back to the top page" />
        </a>
      </p>
    </main>
  );
}

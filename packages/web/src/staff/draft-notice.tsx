/**
 * Says on screen that a staff page shows an unpublished draft of the plan (the public sees the
 * published version). A labelled landmark of its own: it sits between the staff bar and the main
 * content, and content outside any landmark is an accessibility failure (axe `region`).
 */
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';

export function DraftNotice({ version }: { version: number }) {
  const lang = useLang();
  return (
    <aside
      className="sample-note"
      id="draft-notice"
      aria-label={lang === 'en' ? 'Draft notice' : '下書きのお知らせ'}
    >
      <p>
        <strong>
          <L ja="下書きを含みます" en="Includes an unpublished draft" />
        </strong>{' '}
        <L
          ja={`この画面は計画の未公開の下書き（第${version}版）に基づいています。市民向けのページには公開済みの版が表示されます。`}
          en={`This page is based on an unpublished draft of the plan (version ${version}). Public pages show the published version.`}
        />
      </p>
    </aside>
  );
}

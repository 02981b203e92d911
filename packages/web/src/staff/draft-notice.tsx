/** Says on screen that a staff page shows an unpublished draft of the plan (the public sees the published version). */
import { L } from '../ui/text';

export function DraftNotice({ version }: { version: number }) {
  return (
    <p className="sample-note" role="note" id="draft-notice">
      <strong>
        <L ja="下書きを含みます" en="Includes an unpublished draft" />
      </strong>{' '}
      <L
        ja={`この画面は計画の未公開の下書き（第${version}版）に基づいています。市民向けのページには公開済みの版が表示されます。`}
        en={`This page is based on an unpublished draft of the plan (version ${version}). Public pages show the published version.`}
      />
    </p>
  );
}

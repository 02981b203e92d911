/**
 * "Follow by e-mail" for a measure, an indicator or a partner: the address
 * gets a confirmation link, then one notice per change, each with a one-click
 * unfollow link (decision 0118).
 */
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { apiClient } from '../staff/api-client';
import { L } from '../ui/text';

export type FollowTarget = 'measure' | 'indicator' | 'partner';

const headings: Record<FollowTarget, { ja: string; en: string }> = {
  measure: { ja: 'この施策をフォローする', en: 'Follow this measure' },
  indicator: { ja: 'この指標をフォローする', en: 'Follow this indicator' },
  partner: { ja: 'このパートナーをフォローする', en: 'Follow this partner' },
};

export function FollowForm({ kind, code }: { kind: FollowTarget; code: string }) {
  const lang = useLang();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const heading = headings[kind];
  return (
    <section aria-labelledby="follow">
      <h2 id="follow">
        <L ja={heading.ja} en={heading.en} />
      </h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const email = f.get('email');
          const res = await apiClient('voices', null).api.v1.follows.$post({
            json: { email: typeof email === 'string' ? email : '', targetKind: kind, targetCode: code },
          });
          const data = ((await res.json().catch(() => null)) ?? {}) as {
            error?: { message?: { ja: string; en: string } };
          };
          const message = data.error?.message;
          setStatus({
            ok: res.ok,
            text: res.ok
              ? lang === 'en'
                ? 'Check your e-mail to confirm. Every notice has a one-click unfollow link.'
                : '確認メールを送りました。お知らせメールにはワンクリックで解除できるリンクが付きます。'
              : message
                ? lang === 'en'
                  ? message.en
                  : message.ja
                : 'Error',
          });
        }}
      >
        <label>
          <L ja="メールアドレス" en="E-mail" /> <input name="email" type="email" required />
        </label>
        <button type="submit">
          <L ja="フォローする" en="Follow" />
        </button>
        {status ? <p role="status">{status.text}</p> : null}
      </form>
    </section>
  );
}

/**
 * A sheet's comments as threads: each comment with its author's role and
 * time, replies indented beneath; a new comment or a reply is posted to the
 * API and the threads are read again.
 */
import { type CommentThread, evaluationRoleLabels } from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

interface Props {
  threads: CommentThread[];
  sheetId: string;
  csrfToken: string | null;
  canComment: boolean;
}

function CommentForm({
  id,
  label,
  onPost,
}: {
  id: string;
  label: { ja: string; en: string };
  onPost: (t: string) => Promise<boolean>;
}) {
  const lang = useLang();
  const [text, setText] = useState('');
  return (
    <div className="field">
      <label htmlFor={id}>{label[lang]}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={async () => {
          if (await onPost(text)) setText('');
        }}
      >
        <L ja="投稿する" en="Post" />
      </button>
    </div>
  );
}

export function SheetComments({ threads: initial, sheetId, csrfToken, canComment }: Props) {
  const lang = useLang();
  const [threads, setThreads] = useState(initial);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  async function post(text: string, parentId: string | null) {
    const comments = apiClient('sheets', csrfToken).api.v1.evaluation.sheets[':id'].comments;
    const param = { id: sheetId };
    const res = await comments.$post({ param, json: { text, ...(parentId ? { parentId } : {}) } });
    if (!res.ok) {
      setProblems(problemsOf(await res.json().catch(() => null)));
      return false;
    }
    const listed = await comments.$get({ param });
    // The answer is declared (a recursive thread schema); Hono's client types stop expanding at the
    // replies, which it types as any JSON value.
    if (listed.ok) setThreads((await listed.json()) as unknown as CommentThread[]);
    setReplyTo(null);
    setProblems([]);
    return true;
  }
  const render = (t: CommentThread) => (
    <li key={t.comment.id} className="comment">
      <p className="comment-meta">
        {
          (evaluationRoleLabels[t.comment.author.role] ?? {
            ja: t.comment.author.role,
            en: t.comment.author.role,
          })[lang]
        }
        {t.comment.author.departmentCode ? `（${t.comment.author.departmentCode}）` : ''} ・{' '}
        <time dateTime={t.comment.at}>
          {new Date(t.comment.at).toLocaleString(lang === 'en' ? 'en-GB' : 'ja-JP', {
            timeZone: 'Asia/Tokyo',
          })}
        </time>
      </p>
      <p className="comment-text">{t.comment.text}</p>
      {canComment ? (
        replyTo === t.comment.id ? (
          <CommentForm
            id={`reply-${t.comment.id}`}
            label={{ ja: '返信', en: 'Reply' }}
            onPost={(text) => post(text, t.comment.id)}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setReplyTo(t.comment.id)}>
            <L ja="返信する" en="Reply" />
          </button>
        )
      ) : null}
      {t.replies.length > 0 ? <ul className="replies">{t.replies.map(render)}</ul> : null}
    </li>
  );
  return (
    <section aria-labelledby="comments-h">
      <h2 id="comments-h">
        <L ja="コメント" en="Comments" />
      </h2>
      {threads.length === 0 ? (
        <p>
          <L ja="コメントはまだありません。" en="No comments yet." />
        </p>
      ) : (
        <ul id="comment-threads">{threads.map(render)}</ul>
      )}
      {canComment ? (
        <CommentForm
          id="new-comment"
          label={{ ja: '新しいコメント', en: 'New comment' }}
          onPost={(text) => post(text, null)}
        />
      ) : null}
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </section>
  );
}

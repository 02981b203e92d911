/**
 * Workshops in the workspace: the list with a form to record a new one, and
 * one workshop's page to edit it (at the version read: a conflict says so),
 * add files and publish or withdraw it.
 */
import { workshopParticipantKinds, workshopParticipantLabels } from '@mirai/core';
import { useState } from 'react';
import type { PageModel, WorkshopView } from '../types';
import { L, T } from '../ui/text';
import { apiClient, bodyOf } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type ListModel = Extract<PageModel, { page: 'staff-workshops' }>;
type EditModel = Extract<PageModel, { page: 'staff-workshop' }>;
type Shapeable = ListModel['shapeable'];

function WorkshopFields({ w, shapeable }: { w: WorkshopView | null; shapeable: Shapeable }) {
  return (
    <>
      <label>
        <L ja="名称" en="Title (Japanese)" />{' '}
        <input name="titleJa" required maxLength={200} defaultValue={w?.title.ja ?? ''} />
      </label>
      <label>
        <L ja="名称（英語）" en="Title (English)" />{' '}
        <input name="titleEn" maxLength={200} defaultValue={w?.title.en ?? ''} />
      </label>
      <label>
        <L ja="開催日" en="Date" />{' '}
        <input name="heldOn" type="date" required defaultValue={w?.heldOn ?? ''} />
      </label>
      <label>
        <L ja="場所" en="Place" />{' '}
        <input name="place" required maxLength={200} defaultValue={w?.place ?? ''} />
      </label>
      <fieldset>
        <legend>
          <L ja="参加者数（区分別）" en="Participants by kind" />
        </legend>
        {workshopParticipantKinds.map((k) => (
          <label key={k}>
            <T text={workshopParticipantLabels[k]} />{' '}
            <input
              name={`participants.${k}`}
              inputMode="numeric"
              size={6}
              defaultValue={w?.participants[k] !== undefined ? String(w.participants[k]) : ''}
            />
          </label>
        ))}
      </fieldset>
      <label>
        <L ja="成果（1行に1つ）" en="Outputs (one per line)" />{' '}
        <textarea name="outputs" rows={4} maxLength={20000} defaultValue={w?.outputs.join('\n') ?? ''} />
      </label>
      <fieldset>
        <legend>
          <L ja="反映された目指す姿（分野）と施策" en="Desired states (fields) and measures it shaped" />
        </legend>
        {shapeable.map((s) => (
          <label key={s.code} className="check">
            <input
              type="checkbox"
              name="shaped"
              value={s.code}
              defaultChecked={w?.shaped.some((x) => x.code === s.code) ?? false}
            />{' '}
            {s.code} <T text={s.name} />
          </label>
        ))}
      </fieldset>
      <label>
        <L ja="ファイル（写真・PDF、5MBまで）" en="Files (photos or PDF, up to 5 MB each)" />{' '}
        <input
          name="files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
        />
      </label>
    </>
  );
}

function useSend() {
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const send = async (
    call: Promise<{ ok: boolean; json(): Promise<unknown> }>,
    then: (b: { code?: string }) => void,
  ) => {
    const res = await call;
    const data = (await res.json().catch(() => null)) as { code?: string } | null;
    if (res.ok) then(data ?? {});
    else setProblems(problemsOf(data));
  };
  return { problems, send };
}

export function StaffWorkshopsPage({ model }: { model: ListModel }) {
  const { problems, send } = useSend();
  const api = apiClient('workshops', model.session.csrfToken).api.v1.staff.workshops;
  return (
    <main id="main">
      <h1>
        <L ja="ワークショップの記録" en="Workshop records" />
      </h1>
      {model.workshops.length === 0 ? (
        <p>
          <L ja="記録はまだありません。" en="No workshops recorded yet." />
        </p>
      ) : (
        <table id="workshops">
          <thead>
            <tr>
              <th scope="col">
                <L ja="開催日" en="Date" />
              </th>
              <th scope="col">
                <L ja="名称" en="Title" />
              </th>
              <th scope="col">
                <L ja="参加者" en="Participants" />
              </th>
              <th scope="col">
                <L ja="公開" en="Published" />
              </th>
            </tr>
          </thead>
          <tbody>
            {model.workshops.map((w) => (
              <tr key={w.code}>
                <td>{w.heldOn}</td>
                <td>
                  <a href={`/staff/workshops/${w.code}`}>
                    <T text={{ ja: w.title.ja, en: w.title.en ?? undefined }} />
                  </a>
                </td>
                <td>{w.participantTotal}</td>
                <td>
                  {w.published ? <L ja="公開中" en="Published" /> : <L ja="非公開" en="Not published" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        aria-labelledby="new-workshop"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void send(api.$post(undefined, bodyOf(f)), (b) => {
            window.location.href = `/staff/workshops/${b.code ?? f.get('code')}`;
          });
        }}
      >
        <h2 id="new-workshop">
          <L ja="ワークショップを記録する" en="Record a workshop" />
        </h2>
        <label>
          <L ja="コード（英数字）" en="Code (letters and digits)" />{' '}
          <input name="code" required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9_\-]*" />
        </label>
        <WorkshopFields w={null} shapeable={model.shapeable} />
        <button type="submit">
          <L ja="記録する" en="Record" />
        </button>
      </form>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </main>
  );
}

export function StaffWorkshopPage({ model }: { model: EditModel }) {
  const { problems, send } = useSend();
  const w = model.workshop;
  const api = apiClient('workshops', model.session.csrfToken).api.v1.staff.workshops[':code'];
  const reload = () => window.location.reload();
  return (
    <main id="main">
      <p>
        <a href="/staff/workshops">
          <L ja="← ワークショップの一覧" en="← All workshops" />
        </a>
      </p>
      <h1>
        <T text={{ ja: w.title.ja, en: w.title.en ?? undefined }} />
      </h1>
      <p id="workshop-state">
        {w.published ? (
          <>
            <L ja="公開中: " en="Published: " />
            <a href={`/workshops/${w.code}`}>{`/workshops/${w.code}`}</a>
          </>
        ) : (
          <L ja="非公開（職員のみ閲覧できます）" en="Not published (staff only)" />
        )}{' '}
        <L ja="版: " en="Version: " />
        {w.version}
      </p>
      <button
        type="button"
        onClick={() =>
          void send(
            api.publish.$post({
              param: { code: w.code },
              json: { expectedVersion: w.version, publish: !w.published },
            }),
            reload,
          )
        }
      >
        {w.published ? <L ja="公開をやめる" en="Withdraw" /> : <L ja="公開する" en="Publish" />}
      </button>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
      {w.files.length > 0 ? (
        <ul>
          {w.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/v1/workshops/${w.code}/files/${f.id}`}>{f.name}</a> ({f.mediaType},{' '}
              {Math.ceil(f.sizeBytes / 1024)} KB)
            </li>
          ))}
        </ul>
      ) : null}
      <form
        aria-labelledby="edit-workshop"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          f.set('expectedVersion', String(w.version));
          void send(api.$post({ param: { code: w.code } }, bodyOf(f)), reload);
        }}
      >
        <h2 id="edit-workshop">
          <L ja="記録を編集する" en="Edit the record" />
        </h2>
        <WorkshopFields w={w} shapeable={model.shapeable} />
        <button type="submit">
          <L ja="保存する" en="Save" />
        </button>
      </form>
    </main>
  );
}

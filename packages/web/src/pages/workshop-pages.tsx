/**
 * Published workshops on the public site: the list (/workshops) and one
 * workshop (/workshops/CODE): when and where, who took part by kind, what
 * came out, the desired states and measures it shaped, and its files.
 */
import { workshopParticipantKinds, workshopParticipantLabels } from '@mirai/core';
import type { PageModel, WorkshopView } from '../types';
import { Crumbs } from '../ui/layout';
import { Ja, L, Paren, SampleBadge, T } from '../ui/text';

const title = (w: WorkshopView) => ({ ja: w.title.ja, en: w.title.en ?? undefined });

export function WorkshopsPage({ model }: { model: Extract<PageModel, { page: 'workshops' }> }) {
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="ワークショップ" en="Workshops" /> }]} />
      <h1>
        <L ja="ワークショップ" en="Workshops" />
      </h1>
      <p>
        <L
          ja="市民や団体、市外の人々と開いたワークショップの記録です。計画の目指す姿や施策は、ここから生まれました。"
          en="Records of workshops with residents, organisations and people from outside the city, from which the plan's desired states and measures came."
        />
      </p>
      {model.workshops.length === 0 ? (
        <p>
          <L ja="公開している記録はまだありません。" en="No published records yet." />
        </p>
      ) : (
        <ul className="cards">
          {model.workshops.map((w) => (
            <li key={w.code} className="card" data-workshop={w.code}>
              <h2>
                <a href={`/workshops/${w.code}`}>
                  <T text={title(w)} />
                </a>{' '}
                <SampleBadge sample={w.sample} />
              </h2>
              <p>
                {w.heldOn}
                <L ja=" ・ " en=" · " />
                <Ja>{w.place}</Ja>
                <L ja=" ・ 参加者 " en=" · Participants: " />
                {w.participantTotal}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export function WorkshopPage({ model }: { model: Extract<PageModel, { page: 'workshop' }> }) {
  const w = model.workshop;
  const kinds = workshopParticipantKinds.filter((k) => (w.participants[k] ?? 0) > 0);
  return (
    <main id="main">
      <Crumbs
        items={[
          { href: '/workshops', label: <L ja="ワークショップ" en="Workshops" /> },
          { label: <T text={title(w)} /> },
        ]}
      />
      <h1>
        <T text={title(w)} /> <SampleBadge sample={w.sample} />
      </h1>
      <p id="workshop-when">
        {w.heldOn}
        <L ja=" ・ " en=" · " />
        <Ja>{w.place}</Ja>
      </p>
      <section aria-labelledby="ws-participants">
        <h2 id="ws-participants">
          <L ja="参加者" en="Participants" />
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <L ja="区分" en="Kind" />
              </th>
              <th scope="col">
                <L ja="人数" en="People" />
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k}>
                <th scope="row">
                  <T text={workshopParticipantLabels[k]} />
                </th>
                <td>{w.participants[k]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <L ja="計" en="Total" />
              </th>
              <td>{w.participantTotal}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ws-outputs">
        <h2 id="ws-outputs">
          <L ja="成果" en="Outputs" />
        </h2>
        <ul>
          {w.outputs.map((o) => (
            <li key={o}>
              <Ja>{o}</Ja>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ws-shaped">
        <h2 id="ws-shaped">
          <L ja="反映された目指す姿と施策" en="Desired states and measures it shaped" />
        </h2>
        <ul>
          {w.shaped.map((s) => (
            <li key={s.code}>
              <a href={`/${s.kind === 'field' ? 'fields' : 'measures'}/${s.code}`}>
                {s.code} {s.name ? <T text={s.name} /> : null}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {w.files.length > 0 ? (
        <section aria-labelledby="ws-files">
          <h2 id="ws-files">
            <L ja="資料・写真" en="Files and photos" />
          </h2>
          <ul>
            {w.files.map((f) => (
              <li key={f.id}>
                {f.mediaType.startsWith('image/') ? (
                  <img src={`/api/v1/workshops/${w.code}/files/${f.id}`} alt={f.name} width={320} />
                ) : (
                  <a href={`/api/v1/workshops/${w.code}/files/${f.id}`}>
                    <Ja>{f.name}</Ja>
                    <Paren>PDF, {Math.ceil(f.sizeBytes / 1024)} KB</Paren>
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

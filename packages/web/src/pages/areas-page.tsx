/** Every area of the plan by layer: region, city, districts, school districts (/areas). */
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { L, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'areas' }>;

export function AreasPage({ model }: { model: Model }) {
  const { layers, areas } = model.view;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="地域" en="Areas" /> }]} />
      <h1>
        <L ja="地域（多層的なエリア）" en="Areas, layer by layer" />
      </h1>
      <p>
        <a href="/measures">
          <L
            ja="施策を対象地域と推進期間で絞り込む"
            en="Filter the measures by target area and promotion period"
          />
        </a>
      </p>
      {layers.map((l) => (
        <section key={l.layer} aria-labelledby={`layer-${l.layer}`}>
          <h2 id={`layer-${l.layer}`}>
            <T text={l.name} />
          </h2>
          <ul className="inline-list">
            {areas
              .filter((a) => a.layer === l.layer)
              .map((a) => (
                <li key={a.code}>
                  <a href={`/areas/${a.code}`}>
                    <T text={a.name} />
                  </a>{' '}
                  <SampleBadge sample={a.sample} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="related">
        <h2 id="related">
          <L ja="関連" en="Related" />
        </h2>
        <ul>
          <li>
            <a href="/brand">
              <L ja="ブランド理念とブランド資産" en="Brand philosophy and brand assets" />
            </a>
          </li>
          <li>
            <a href="/sectoral-plans">
              <L ja="個別計画と総合計画との整合" en="Sectoral plans and their alignment" />
            </a>
          </li>
        </ul>
      </section>
    </main>
  );
}

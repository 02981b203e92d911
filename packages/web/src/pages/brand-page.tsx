/**
 * The brand (/brand): the brand philosophy above the strategies and fields,
 * and each brand asset with the fields, measures and indicators that build or
 * show it. A purpose the plan does not state is simply not shown.
 */
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { Level } from '../ui/site';
import { L, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'brand' }>;

function Links({
  items,
}: {
  items: { code: string; name: { ja: string; en?: string }; href: string; sample: boolean }[];
}) {
  return (
    <ul>
      {items.map((x) => (
        <li key={x.code}>
          <a href={x.href}>
            <T text={x.name} />
          </a>{' '}
          <SampleBadge sample={x.sample} />
        </li>
      ))}
    </ul>
  );
}

export function BrandPage({ model }: { model: Model }) {
  const b = model.brand;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="ブランド" en="Brand" /> }]} />
      <h1>
        <L ja="ブランド理念とブランド資産" en="Brand philosophy and brand assets" />
      </h1>
      <dl className="facts">
        <dt>
          <L ja="ビジョン" en="Vision" />
        </dt>
        <dd>
          <T text={b.vision} />
        </dd>
        <dt>
          <L ja="約束する価値（バリュー）" en="Value" />
        </dt>
        <dd>
          <T text={b.value} />
        </dd>
        <dt>
          <L ja="地域らしさ（アイデンティティー）" en="Identity" />
        </dt>
        <dd>
          <T text={b.identity} />
        </dd>
        {b.purpose ? (
          <>
            <dt>
              <L ja="パーパス" en="Purpose" />
            </dt>
            <dd>
              <T text={b.purpose} />
            </dd>
          </>
        ) : null}
      </dl>
      <h2>
        <L ja="ブランド資産" en="Brand assets" />
      </h2>
      {b.assets.map((a, i) => (
        <section key={a.name.ja} className="card" aria-labelledby={`brand-asset-${i}`}>
          <h3 id={`brand-asset-${i}`}>
            <T text={a.name} />
          </h3>
          {a.fields.length + a.measures.length + a.indicators.length === 0 ? (
            <p>
              <L ja="結び付けられた施策はまだありません。" en="Nothing is linked to this asset yet." />
            </p>
          ) : null}
          {a.fields.length > 0 ? (
            <>
              <h4>
                <L ja="この資産を育てる" en="Built by these: " />
                <Level k="field" />
              </h4>
              <Links items={a.fields} />
            </>
          ) : null}
          {a.measures.length > 0 ? (
            <>
              <h4>
                <Level k="measure" />
              </h4>
              <Links items={a.measures} />
            </>
          ) : null}
          {a.indicators.length > 0 ? (
            <>
              <h4>
                <L ja="それを示す指標" en="Indicators that show it" />
              </h4>
              <Links items={a.indicators} />
            </>
          ) : null}
        </section>
      ))}
    </main>
  );
}

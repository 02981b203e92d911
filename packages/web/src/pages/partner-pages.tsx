/**
 * Partners on the public site: the list of partners that agreed to be listed
 * (/partners) and one partner's page (/partners/CODE): its kind, inside or
 * outside the city, the measures and projects it works on with its role, and
 * its accepted activity reports. Contacts are never shown here.
 */
import { linkRoleLabels, partnerKindLabels, partnerLocationLabels } from '@mirai/core';
import type { PageModel, PartnerView } from '../types';
import { Crumbs } from '../ui/layout';
import { L, SampleBadge, T } from '../ui/text';
import { FollowForm } from './follow-form';
import { ReportList } from './report-list';

const name = (p: PartnerView) => ({ ja: p.name.ja, en: p.name.en ?? undefined });

export function PartnersPage({ model }: { model: Extract<PageModel, { page: 'partners' }> }) {
  const groups = (['outside', 'inside'] as const).map((location) => ({
    location,
    partners: model.partners.filter((p) => p.location === location),
  }));
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="共創パートナー" en="Partners" /> }]} />
      <h1>
        <L ja="共創パートナー" en="Co-creation partners" />
      </h1>
      <p>
        <L
          ja="市と共に施策・事業に取り組む団体と人々です（掲載に同意したパートナーのみ）。"
          en="Organisations and people working on the plan's measures and projects with the city (partners who agreed to be listed)."
        />{' '}
        <a href="/relationship-population">
          <L ja="関係人口の指標" en="Relationship population indicators" />
        </a>
      </p>
      {groups.map((g) => (
        <section key={g.location} aria-labelledby={`partners-${g.location}`}>
          <h2 id={`partners-${g.location}`}>
            <T text={partnerLocationLabels[g.location]} />
          </h2>
          {g.partners.length === 0 ? (
            <p>
              <L ja="掲載しているパートナーはありません。" en="No listed partners." />
            </p>
          ) : (
            <ul className="cards">
              {g.partners.map((p) => (
                <li key={p.code} className="card" data-partner={p.code}>
                  <h3>
                    <a href={`/partners/${p.code}`}>
                      <T text={name(p)} />
                    </a>{' '}
                    <SampleBadge sample={p.sample} />
                  </h3>
                  <p>
                    <T text={partnerKindLabels[p.kind]} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}

export function PartnerPage({ model }: { model: Extract<PageModel, { page: 'partner' }> }) {
  const { partner: p, reports } = model;
  const description = p.description.ja ? { ja: p.description.ja, en: p.description.en ?? undefined } : null;
  return (
    <main id="main">
      <Crumbs
        items={[
          { href: '/partners', label: <L ja="共創パートナー" en="Partners" /> },
          { label: <T text={name(p)} /> },
        ]}
      />
      <h1>
        <T text={name(p)} /> <SampleBadge sample={p.sample} />
      </h1>
      <dl className="facts">
        <dt>
          <L ja="種類" en="Kind" />
        </dt>
        <dd id="partner-kind">
          <T text={partnerKindLabels[p.kind]} />
        </dd>
        <dt>
          <L ja="所在" en="Based" />
        </dt>
        <dd id="partner-location">
          <T text={partnerLocationLabels[p.location]} />
        </dd>
        {p.website ? (
          <>
            <dt>
              <L ja="ウェブサイト" en="Website" />
            </dt>
            <dd>
              <a href={p.website} rel="noopener noreferrer">
                {p.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {description ? (
        <p>
          <T text={description} />
        </p>
      ) : null}
      <section aria-labelledby="partner-links">
        <h2 id="partner-links">
          <L ja="取り組んでいる施策・事業" en="Measures and projects it works on" />
        </h2>
        {p.links.length === 0 ? (
          <p>
            <L ja="連携している施策・事業はありません。" en="Not linked to any measure or project." />
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="施策・事業" en="Measure or project" />
                </th>
                <th scope="col">
                  <L ja="役割" en="Role" />
                </th>
              </tr>
            </thead>
            <tbody>
              {p.links.map((l) => (
                <tr key={`${l.itemCode}-${l.role}`}>
                  <td>
                    {l.itemKind === 'measure' ? (
                      <a href={`/measures/${l.itemCode}`}>
                        {l.itemCode} {l.itemName ? <T text={l.itemName} /> : null}
                      </a>
                    ) : l.itemKind === 'indicator' ? (
                      <a href={`/indicators/${l.itemCode}`}>
                        {l.itemCode} {l.itemName ? <T text={l.itemName} /> : null}
                      </a>
                    ) : (
                      <>
                        {l.itemCode} {l.itemName ? <T text={l.itemName} /> : null}
                      </>
                    )}
                  </td>
                  <td>
                    <T text={linkRoleLabels[l.role]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="partner-reports">
        <h2 id="partner-reports">
          <L ja="受理された活動報告" en="Accepted activity reports" />
        </h2>
        {reports.length === 0 ? (
          <p>
            <L ja="受理された報告はまだありません。" en="No accepted reports yet." />
          </p>
        ) : (
          <ReportList reports={reports} showItem />
        )}
      </section>
      <FollowForm kind="partner" code={p.code} />
    </main>
  );
}

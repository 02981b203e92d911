/** The contact page: how to reach the municipality that runs the plan, from the plan's own data. */
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { L, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'contact' }>;

export function ContactPage({ model }: { model: Model }) {
  const c = model.contact;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="お問い合わせ" en="Contact" /> }]} />
      <h1>
        <L ja="お問い合わせ" en="Contact" />
      </h1>
      <p>
        <L
          ja="この計画とサイトについてのお問い合わせ先："
          en="For questions about this plan and site, contact "
        />
        <T text={model.municipality} />
        <L ja="" en="." />
      </p>
      {c ? (
        <dl className="contact">
          {c.office && (
            <>
              <dt>
                <L ja="担当" en="Office" />
              </dt>
              <dd>
                <T text={c.office} />
              </dd>
            </>
          )}
          {(c.address || c.postalCode) && (
            <>
              <dt>
                <L ja="所在地" en="Address" />
              </dt>
              <dd>
                {c.postalCode && <>〒{c.postalCode} </>}
                {c.address && <T text={c.address} />}
              </dd>
            </>
          )}
          {c.phone && (
            <>
              <dt>
                <L ja="電話" en="Telephone" />
              </dt>
              <dd>
                <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
              </dd>
            </>
          )}
          {c.fax && (
            <>
              <dt>
                <L ja="ファクス" en="Fax" />
              </dt>
              <dd>{c.fax}</dd>
            </>
          )}
          {c.email && (
            <>
              <dt>
                <L ja="メール" en="E-mail" />
              </dt>
              <dd>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </dd>
            </>
          )}
          {c.hours && (
            <>
              <dt>
                <L ja="受付時間" en="Hours" />
              </dt>
              <dd>
                <T text={c.hours} />
              </dd>
            </>
          )}
          {c.url && (
            <>
              <dt>
                <L ja="ウェブサイト" en="Website" />
              </dt>
              <dd>
                <a href={c.url}>{c.url}</a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>
          <L
            ja="連絡先は計画のデータにまだ登録されていません。"
            en="No contact is registered in the plan's data yet."
          />
        </p>
      )}
      <p>
        <L
          ja="ご意見は各施策のページからも送れます。"
          en="You can also send your views from each measure's page."
        />
      </p>
    </main>
  );
}

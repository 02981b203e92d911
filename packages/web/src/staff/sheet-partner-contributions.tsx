/**
 * "Contributions by partners" on an evaluation sheet: the accepted partner
 * reports on the sheet's item in the round's year, read-only (they are
 * reviewed on the co-creation page, not edited on the sheet).
 */
import type { ReportView } from '../types';
import { L, Num, T } from '../ui/text';

export function PartnerContributions({ reports }: { reports: ReportView[] }) {
  return (
    <section aria-labelledby="partner-contributions-h" id="partner-contributions">
      <h2 id="partner-contributions-h">
        <L
          ja="パートナーによる貢献（受理された活動報告）"
          en="Contributions by partners (accepted reports)"
        />
      </h2>
      {reports.length === 0 ? (
        <p>
          <L ja="この年度に受理された報告はありません。" en="No report accepted for this year." />
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="パートナー" en="Partner" />
                </th>
                <th scope="col">
                  <L ja="実施日・対象" en="Date and item" />
                </th>
                <th scope="col">
                  <L ja="活動" en="Activity" />
                </th>
                <th scope="col">
                  <L ja="人数・時間・金額" en="People, hours, money" />
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <T text={{ ja: r.partner.name.ja, en: r.partner.name.en ?? r.partner.name.ja }} />
                    {r.sample ? <L ja="（サンプル）" en=" (sample)" /> : null}
                  </td>
                  <td>
                    {r.activityDate} {r.itemCode}
                  </td>
                  <td>
                    <strong>{r.title}</strong> {r.body}
                    {r.reviewComment ? (
                      <>
                        {' '}
                        (<L ja="確認のコメント: " en="Review comment: " />
                        {r.reviewComment})
                      </>
                    ) : null}
                  </td>
                  <td>
                    {r.peopleReached !== null ? (
                      <>
                        <Num value={r.peopleReached} />
                        <L ja="人" en=" people" />{' '}
                      </>
                    ) : null}
                    {r.hours !== null ? (
                      <>
                        <Num value={r.hours} />
                        <L ja="時間" en=" h" />{' '}
                      </>
                    ) : null}
                    {r.moneyYen !== null ? (
                      <>
                        <Num value={r.moneyYen} />
                        <L ja="円" en=" JPY" />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

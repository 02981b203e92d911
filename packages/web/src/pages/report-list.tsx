/** Accepted partner reports as the public sees them (a measure's page, a partner's page). */
import { useLang } from '../i18n/lang';
import type { ReportView } from '../types';
import { formatNumber, SampleBadge } from '../ui/text';

export function ReportList({ reports, showItem = false }: { reports: ReportView[]; showItem?: boolean }) {
  const lang = useLang();
  const num = (v: number | null, unit: string) => (v === null ? null : `${formatNumber(v, lang)}${unit}`);
  return (
    <ul className="reports">
      {reports.map((r) => (
        <li key={r.id}>
          <h3>
            {r.title} <SampleBadge sample={r.sample} />
          </h3>
          <p>
            {lang === 'en' ? (r.partner.name.en ?? r.partner.name.ja) : r.partner.name.ja} ・ {r.activityDate}
            {r.place ? ` ・ ${r.place}` : ''}
            {showItem ? (
              <>
                {' ・ '}
                <a href={`/measures/${r.measureCode}`}>{r.itemCode}</a>
              </>
            ) : null}
          </p>
          <p>{r.body}</p>
          <p>
            {[
              num(r.peopleReached, lang === 'en' ? ' people reached' : '人に届いた'),
              num(r.hours, lang === 'en' ? ' hours' : '時間'),
              num(r.moneyYen, lang === 'en' ? ' JPY' : '円'),
            ]
              .filter(Boolean)
              .join(' ・ ')}
          </p>
          {r.files.map((f) => (
            <img key={f.id} src={`/api/v1/partner-reports/${r.id}/files/${f.id}`} alt={f.name} width={240} />
          ))}
        </li>
      ))}
    </ul>
  );
}

/** Breakdowns of the published survey waves: mean and n by group, with small cells suppressed (秘匿). */
import { useLang } from '../i18n/lang';
import type { HappinessPageView } from '../types';
import { ScrollArea } from '../ui/scroll-area';
import { Ja, L, Num, Paren } from '../ui/text';

export function WaveBreakdowns({ waves }: { waves: HappinessPageView['waves'] }) {
  const lang = useLang();
  if (waves.length === 0)
    return (
      <p>
        <L ja="公表済みの調査の回はまだありません。" en="No survey wave has been published yet." />
      </p>
    );
  return (
    <>
      {waves.map((w) => (
        <ScrollArea key={w.code} label={lang === 'en' ? `Survey wave ${w.code}` : `${w.title}（${w.code}）`}>
          <table>
            <caption>
              <Ja>{`${w.title}（${w.code}）：${w.question} × ${w.group}`}</Ja>
              <L
                ja={`。回答が ${w.minCell} 件未満の区分は秘匿`}
                en={`. Groups under ${w.minCell} respondents are suppressed`}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Ja>{w.group}</Ja>
                </th>
                <th scope="col">
                  <L ja="回答数" en="Respondents" />
                </th>
                <th scope="col">
                  <L ja="平均" en="Mean" />
                </th>
              </tr>
            </thead>
            <tbody>
              {w.rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">
                    <Ja>{r.group}</Ja>
                  </th>
                  <td className="num">
                    {r.suppressed ? <L ja="秘匿" en="suppressed" /> : <Num value={r.n} />}
                  </td>
                  <td className="num">
                    {r.suppressed ? <L ja="秘匿" en="suppressed" /> : <Num value={r.mean} digits={2} />}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <L ja="全体（補正後）" en="Overall (calibrated)" />
                </th>
                <td className="num">
                  <Num value={w.overall.n} />
                </td>
                <td className="num">
                  <Num value={w.overall.estimate} digits={2} />
                  <Paren>
                    <Num value={w.overall.lower} digits={2} />–<Num value={w.overall.upper} digits={2} />
                  </Paren>
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollArea>
      ))}
    </>
  );
}

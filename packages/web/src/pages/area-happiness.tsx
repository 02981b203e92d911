/**
 * Happiness on an area's page: per published survey wave, the estimate for the
 * area's respondents with its 95% interval, or a plain sentence saying why
 * there is none (the wave has no area variable, the cell is below the
 * publication minimum, or nobody there answered).
 */
import { figureKey } from '@mirai/core';
import type { PageModel } from '../types';
import { Ja, L, Num, Paren } from '../ui/text';

export function AreaHappiness({
  waves,
  city,
  area,
}: {
  waves: Extract<PageModel, { page: 'area' }>['view']['happiness'];
  city: boolean;
  /** The area's code: a district's figure carries the key the happiness page gives it. */
  area: string;
}) {
  return (
    <section aria-labelledby="happiness">
      <h2 id="happiness">
        <L ja="幸福度（市民アンケート）" en="Happiness (residents' survey)" />
      </h2>
      {waves.length === 0 ? (
        <p>
          <L
            ja="この地域の幸福度を示せる公表済みの調査の回はありません。"
            en="No published survey wave can show happiness for this area."
          />
        </p>
      ) : (
        <ul>
          {waves.map((w) => (
            <li key={w.code} data-status={w.status}>
              <Ja>{w.title}</Ja>
              <Paren>{w.code}</Paren>:{' '}
              {w.status === 'shown' && w.estimate ? (
                <>
                  <L ja="平均" en="mean" />{' '}
                  <Num
                    value={w.estimate.value}
                    digits={2}
                    figure={city ? undefined : figureKey(`TOP-HAPPINESS@${area}`, 'survey', w.code)}
                  />{' '}
                  <L ja="（95%信頼区間 " en="(95% interval " />
                  <Num value={w.estimate.lower} digits={2} />–<Num value={w.estimate.upper} digits={2} />
                  <L ja="、回答 " en=", " />
                  <Num value={w.estimate.n} />
                  <L ja="件）" en=" respondents)" />
                  {city ? <L ja="。市全体の補正後の値です。" en=". The city's calibrated figure." /> : null}
                </>
              ) : w.status === 'suppressed' ? (
                <L
                  ja={`この地域の回答が ${w.minCell} 件未満のため秘匿しています。`}
                  en={`Suppressed: fewer than ${w.minCell} respondents in this area.`}
                />
              ) : w.status === 'no-respondents' ? (
                <L ja="この地域からの回答はありません。" en="No respondent lives in this area." />
              ) : (
                <L
                  ja="この回の調査には回答者の地域を示す項目がないため、地域別には示せません。"
                  en="This wave records no area for its respondents, so it cannot be shown by area."
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

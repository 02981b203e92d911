/**
 * A small trend drawn on the server as SVG: years on a numeric axis (2015 to
 * 2020 is as wide as 2020 to 2025), the value axis scaled to the data and the
 * target together (so a fall from 6.77 to 6.40 shows and the target line is
 * always inside), intervals as vertical whiskers, the target as a dashed
 * line. It is an image with a text alternative listing every point; the same
 * figures are on the indicator's page as a table.
 */
import { useLang } from '../i18n/lang';
import type { GoalTileView } from '../types';
import { formatNumber } from './text';

type GoalPoint = GoalTileView['trend'][number];

const W = 240;
const H = 56;
const PAD = 6;

export function Sparkline({
  points,
  target,
  digits,
  unit,
}: {
  points: GoalPoint[];
  target: { year: number; value: number } | null;
  digits: number;
  unit: string;
}) {
  const lang = useLang();
  if (points.length === 0) return null;
  const years = [...points.map((p) => p.year), ...(target ? [target.year] : [])];
  const values = [
    ...points.flatMap((p) => [p.value, p.lower ?? p.value, p.upper ?? p.value]),
    ...(target ? [target.value] : []),
  ];
  const x0 = Math.min(...years);
  const x1 = Math.max(...years);
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  const span = y1 - y0 || Math.abs(y1) * 0.05 || 1;
  y0 -= span * 0.1;
  y1 += span * 0.1;
  const x = (yr: number) => PAD + ((yr - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - y0) / (y1 - y0)) * (H - 2 * PAD);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`);
  const fmt = (v: number) => formatNumber(v, lang, digits);
  const label =
    (lang === 'en' ? 'Trend: ' : '推移：') +
    points
      .map((p) =>
        lang === 'en'
          ? `${p.year} ${fmt(p.value)}${p.lower !== undefined && p.upper !== undefined ? ` (${fmt(p.lower)}–${fmt(p.upper)})` : ''}`
          : `${p.year}年 ${fmt(p.value)}${unit}${p.lower !== undefined && p.upper !== undefined ? `（${fmt(p.lower)}〜${fmt(p.upper)}）` : ''}`,
      )
      .join(lang === 'en' ? ', ' : '、') +
    (target
      ? lang === 'en'
        ? `; target ${fmt(target.value)} in ${target.year}`
        : `。目標 ${target.year}年度 ${fmt(target.value)}${unit}`
      : '');
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
      focusable="false"
    >
      {target ? (
        <>
          <line
            x1={PAD}
            x2={W - PAD}
            y1={y(target.value)}
            y2={y(target.value)}
            className="spark-target"
            vectorEffect="non-scaling-stroke"
          />
          <circle cx={x(target.year)} cy={y(target.value)} r={3} className="spark-target-dot" />
        </>
      ) : null}
      {points.map((p) =>
        p.lower !== undefined && p.upper !== undefined ? (
          <line
            key={`ci-${p.year}`}
            x1={x(p.year)}
            x2={x(p.year)}
            y1={y(p.lower)}
            y2={y(p.upper)}
            className="spark-ci"
            vectorEffect="non-scaling-stroke"
          />
        ) : null,
      )}
      <path d={line.join('')} className="spark-line" vectorEffect="non-scaling-stroke" />
      {points.map((p) => (
        <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={2.5} className={`spark-dot spark-${p.kind}`} />
      ))}
    </svg>
  );
}

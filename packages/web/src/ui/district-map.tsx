/**
 * The district map: the districts' stored boundaries projected on the server,
 * or, where the municipality has none, a schematic tile map (one square per
 * district, placed as the plan gives or generated); SVG drawn on the server,
 * so it works without scripts and in print. A choropleth of one indicator's values by district:
 * each tile shows its value in text too (never colour alone), links to the
 * area's page, and a data table stands beside it.
 */
import { type ChoroplethClass, choroplethClasses, classOf, type Text } from '@mirai/core';
import { useLang } from '../i18n/lang';
import { formatNumber, L, pick, T } from './text';

export interface MapTile {
  code: string;
  col: number;
  row: number;
  name: Text;
}

/** Light to dark blue; text on the two darkest is white (contrast ≥ 4.5:1). */
const palette = ['#e8f1fb', '#c5dcf4', '#8fbbe8', '#3d7fc9', '#1a4f8f'];
/** The palette colour of class `k` of `n`, spread over the whole palette. */
const colourOf = (k: number, n: number) =>
  palette[Math.round((k * (palette.length - 1)) / Math.max(1, n - 1))] ?? palette[0];
const size = 96;
const gap = 6;

export interface MapOutline {
  width: number;
  height: number;
  shapes: { code: string; d: string; label: { x: number; y: number }; name: Text }[];
  source: string;
  licence: string;
  sample: boolean;
}

export function DistrictMap({
  tiles,
  cols,
  rows,
  values,
  unit,
  caption,
  digits = 0,
  outline = null,
}: {
  tiles: MapTile[];
  cols: number;
  rows: number;
  values: Record<string, number | null>;
  unit: Text;
  caption: Text;
  digits?: number;
  /** Stored boundaries, drawn instead of the tiles. */
  outline?: MapOutline | null;
}) {
  const lang = useLang();
  const present = Object.values(values).filter((v): v is number => typeof v === 'number');
  const classes: ChoroplethClass[] = choroplethClasses(present, palette.length);
  const width = outline ? outline.width : cols * (size + gap) + gap;
  const height = outline ? outline.height : rows * (size + gap) + gap;
  const u = pick(unit, lang).value;
  const look = (code: string) => {
    const v = values[code];
    const k = typeof v === 'number' ? classOf(classes, v) : -1;
    const fill = k >= 0 ? colourOf(k, classes.length) : '#ffffff';
    const label =
      typeof v === 'number'
        ? `${formatNumber(v, lang, digits)}${u}`
        : lang === 'en'
          ? 'no data'
          : 'データなし';
    return { k, fill, dark: fill === palette[3] || fill === palette[4], label };
  };
  return (
    <figure className="district-map">
      <figcaption>
        <T text={caption} />
        {outline ? (
          <>
            {outline.sample ? (
              <L
                ja="（模式図のサンプル。実際の地区境界ではありません）"
                en=" (sample schematic: not the real district boundaries)"
              />
            ) : null}
            <small className="map-source">
              {' '}
              <L ja="境界の出典: " en="Boundaries: " />
              {outline.source}
              <L ja="、ライセンス: " en="; licence: " />
              {outline.licence}
            </small>
          </>
        ) : (
          <L
            ja="（模式図。地区の位置関係を表し、境界や面積は表しません）"
            en=" (schematic: positions only, not boundaries or sizes)"
          />
        )}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="district-map-svg"
        aria-labelledby={`map-title-${caption.ja.length}`}
      >
        <title id={`map-title-${caption.ja.length}`}>{lang === 'en' ? 'District map' : '地区の地図'}</title>
        {outline
          ? outline.shapes.map((sh) => {
              const { k, fill, dark, label } = look(sh.code);
              const name = pick(sh.name, lang).value;
              return (
                <a key={sh.code} href={`/areas/${sh.code}`} aria-label={`${name}: ${label}`}>
                  <path
                    d={sh.d}
                    fill={fill}
                    fillRule="evenodd"
                    stroke="#1a1a1c"
                    strokeWidth={1}
                    strokeDasharray={k < 0 ? '4 3' : undefined}
                  />
                  <text
                    x={sh.label.x}
                    y={sh.label.y - 4}
                    textAnchor="middle"
                    fontSize={12}
                    fill={dark ? '#ffffff' : '#1a1a1c'}
                  >
                    {name}
                  </text>
                  <text
                    x={sh.label.x}
                    y={sh.label.y + 12}
                    textAnchor="middle"
                    fontSize={11}
                    fill={dark ? '#ffffff' : '#1a1a1c'}
                  >
                    {label}
                  </text>
                </a>
              );
            })
          : null}
        {(outline ? [] : tiles).map((t) => {
          const v = values[t.code];
          const k = typeof v === 'number' ? classOf(classes, v) : -1;
          const fill = k >= 0 ? colourOf(k, classes.length) : '#ffffff';
          const dark = fill === palette[3] || fill === palette[4];
          const x = gap + t.col * (size + gap);
          const y = gap + t.row * (size + gap);
          const name = pick(t.name, lang).value;
          const label =
            typeof v === 'number'
              ? `${formatNumber(v, lang, digits)}${u}`
              : lang === 'en'
                ? 'no data'
                : 'データなし';
          return (
            <a key={t.code} href={`/areas/${t.code}`} aria-label={`${name}: ${label}`}>
              <rect
                x={x}
                y={y}
                width={size}
                height={size}
                rx={6}
                fill={fill}
                stroke="#1a1a1c"
                strokeWidth={1}
                strokeDasharray={k < 0 ? '4 3' : undefined}
              />
              <text
                x={x + size / 2}
                y={y + size / 2 - 6}
                textAnchor="middle"
                fontSize={14}
                fill={dark ? '#ffffff' : '#1a1a1c'}
              >
                {name}
              </text>
              <text
                x={x + size / 2}
                y={y + size / 2 + 14}
                textAnchor="middle"
                fontSize={13}
                fill={dark ? '#ffffff' : '#1a1a1c'}
              >
                {label}
              </text>
            </a>
          );
        })}
      </svg>
      {classes.length > 0 ? (
        <ul className="map-legend" aria-label={lang === 'en' ? 'Legend' : '凡例'}>
          {classes.map((c) => (
            <li key={c.index}>
              <svg width="14" height="14" aria-hidden="true" className="swatch">
                <rect width="14" height="14" stroke="#1a1a1c" fill={colourOf(c.index, classes.length)} />
              </svg>
              {formatNumber(c.lower, lang, digits)}–{formatNumber(c.upper, lang, digits)}
              {u}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

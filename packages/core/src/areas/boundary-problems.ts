/** Problems of a boundaries file (GeoJSON), each with where: the file and the feature's path. */
import { defineProblem } from '../errors/define';

export const boundaryProblems = {
  notJson: defineProblem<{ reason: string }>('boundaries/not-json', 'invalid', (p) => ({
    ja: `GeoJSON として読めません（${p.reason}）`,
    en: `Not readable as GeoJSON (${p.reason})`,
  })),
  notFeatureCollection: defineProblem('boundaries/not-feature-collection', 'invalid', () => ({
    ja: '境界ファイルは FeatureCollection でなければなりません',
    en: 'A boundaries file must be a FeatureCollection',
  })),
  empty: defineProblem('boundaries/empty', 'invalid', () => ({
    ja: '境界ファイルに地物がありません',
    en: 'The boundaries file has no features',
  })),
  missingArea: defineProblem('boundaries/missing-area-code', 'invalid', () => ({
    ja: '地物に区域コード（properties.area）がありません',
    en: 'A feature has no area code (properties.area)',
  })),
  unknownArea: defineProblem<{ code: string }>('boundaries/unknown-area', 'invalid', (p) => ({
    ja: `区域コード「${p.code}」は計画の区域にありません`,
    en: `Area code "${p.code}" is not an area of the plan`,
  })),
  duplicateArea: defineProblem<{ code: string }>('boundaries/duplicate-area', 'invalid', (p) => ({
    ja: `区域「${p.code}」の境界が二度あります`,
    en: `Area "${p.code}" has two boundaries`,
  })),
  unsupportedGeometry: defineProblem<{ type: string }>('boundaries/unsupported-geometry', 'invalid', (p) => ({
    ja: `形状「${p.type}」は扱えません（Polygon か MultiPolygon）`,
    en: `Geometry "${p.type}" is not supported (Polygon or MultiPolygon)`,
  })),
  badCoordinates: defineProblem('boundaries/bad-coordinates', 'invalid', () => ({
    ja: '座標が経度・緯度の数の組ではないか、範囲外です（経度 −180〜180、緯度 −90〜90）',
    en: 'Coordinates are not longitude/latitude number pairs in range (−180–180, −90–90)',
  })),
  ringNotClosed: defineProblem('boundaries/ring-not-closed', 'invalid', () => ({
    ja: '輪郭が閉じていません（4点以上で、最初と最後の点が同じ）',
    en: 'A ring is not closed (at least 4 positions, the first equal to the last)',
  })),
  missingProvenance: defineProblem<{ field: string }>('boundaries/missing-provenance', 'invalid', (p) => ({
    ja: `境界データの${p.field === 'source' ? '出典' : 'ライセンス'}がありません`,
    en: `The boundaries' ${p.field} is missing`,
  })),
};

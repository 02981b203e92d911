/**
 * Area boundaries from GeoJSON: checked (a FeatureCollection of Polygons or
 * MultiPolygons in longitude/latitude, each feature naming a plan area in
 * `properties.area`), and projected to SVG paths on the server (equirectangular
 * scaled by the cosine of the mean latitude, north up, fitted to the box).
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { boundaryProblems as P } from './boundary-problems';

type Ring = number[][];
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface BoundaryFeature {
  area: string;
  geometry: BoundaryGeometry;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function checkRing(ring: unknown): Problem['code'] | null {
  if (!Array.isArray(ring)) return P.badCoordinates.code;
  for (const pos of ring) {
    if (!Array.isArray(pos) || pos.length < 2) return P.badCoordinates.code;
    const [lon, lat] = pos;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
      return P.badCoordinates.code;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return P.badCoordinates.code;
  }
  const first = ring[0] as number[] | undefined;
  const last = ring[ring.length - 1] as number[] | undefined;
  if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1])
    return P.ringNotClosed.code;
  return null;
}

/** Reads and checks a boundaries file; every problem at once, with the feature's path. */
export function parseBoundaries(
  text: string,
  file: string,
  knownAreas: readonly string[],
): Result<BoundaryFeature[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(P.notJson.create({ reason: e instanceof Error ? e.message : String(e) }, { file }));
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return fail(P.notFeatureCollection.create({}, { file, path: 'type' }));
  if (doc.features.length === 0) return fail(P.empty.create({}, { file, path: 'features' }));
  const problems: Problem[] = [];
  const out: BoundaryFeature[] = [];
  const seen = new Set<string>();
  doc.features.forEach((f: unknown, i: number) => {
    const at = (path: string) => ({ file, path: `features[${i}]${path}` });
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const area = typeof props.area === 'string' ? props.area.trim() : '';
    if (!area) problems.push(P.missingArea.create({}, at('.properties.area')));
    else if (!knownAreas.includes(area))
      problems.push(P.unknownArea.create({ code: area }, at('.properties.area')));
    else if (seen.has(area)) problems.push(P.duplicateArea.create({ code: area }, at('.properties.area')));
    seen.add(area);
    const g = isRecord(f) && isRecord(f.geometry) ? f.geometry : null;
    const type = typeof g?.type === 'string' ? g.type : String(g?.type ?? 'null');
    if (!g || (type !== 'Polygon' && type !== 'MultiPolygon')) {
      problems.push(P.unsupportedGeometry.create({ type }, at('.geometry')));
      return;
    }
    const polygons = (type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
    if (
      !Array.isArray(polygons) ||
      polygons.length === 0 ||
      polygons.some((p) => !Array.isArray(p) || p.length === 0)
    ) {
      problems.push(P.badCoordinates.create({}, at('.geometry.coordinates')));
      return;
    }
    const bad: Problem[] = [];
    (polygons as unknown[][]).forEach((poly, j) =>
      poly.forEach((ring, k) => {
        const code = bad.length > 0 ? null : checkRing(ring);
        const path = type === 'Polygon' ? `.geometry.coordinates[${k}]` : `.geometry.coordinates[${j}][${k}]`;
        if (code === P.badCoordinates.code) bad.push(P.badCoordinates.create({}, at(path)));
        else if (code === P.ringNotClosed.code) bad.push(P.ringNotClosed.create({}, at(path)));
      }),
    );
    if (bad.length > 0) problems.push(...bad);
    else if (area) out.push({ area, geometry: g as unknown as BoundaryGeometry });
  });
  return problems.length > 0 ? fail(problems) : ok(out);
}

export interface ProjectedArea {
  area: string;
  /** SVG path data (one subpath per ring). */
  d: string;
  /** Where to put the label: the centroid of the largest ring. */
  label: { x: number; y: number };
}

const polygonsOf = (g: BoundaryGeometry): Ring[][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Projects the features into a box `width` wide (height follows the shape), with a margin. */
export function projectBoundaries(
  features: readonly BoundaryFeature[],
  opts: { width: number; margin?: number } = { width: 480 },
): { width: number; height: number; areas: ProjectedArea[] } {
  const margin = opts.margin ?? 8;
  const rings = features.flatMap((f) => polygonsOf(f.geometry).flat());
  const points = rings.flat();
  if (points.length === 0) return { width: opts.width, height: 0, areas: [] };
  const lats = points.map((p) => p[1] as number);
  const lons = points.map((p) => p[0] as number);
  const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  const minX = Math.min(...lons) * k;
  const maxX = Math.max(...lons) * k;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = (opts.width - 2 * margin) / spanX;
  const height = Math.round(spanY * scale + 2 * margin);
  const xy = (p: number[]) => ({
    x: margin + ((p[0] as number) * k - minX) * scale,
    y: margin + (maxY - (p[1] as number)) * scale,
  });
  const r = (v: number) => Math.round(v * 10) / 10;
  const areas = features.map((f) => {
    const first = xy(polygonsOf(f.geometry)[0]?.[0]?.[0] ?? [0, 0]);
    let best = { a: 0, x: first.x, y: first.y };
    const parts: string[] = [];
    for (const poly of polygonsOf(f.geometry))
      poly.forEach((ring, idx) => {
        const pts = ring.map(xy);
        parts.push(`M${pts.map((p) => `${r(p.x)},${r(p.y)}`).join('L')}Z`);
        if (idx > 0) return; // holes do not place labels
        let a = 0;
        let cx = 0;
        let cy = 0;
        for (let i = 0; i < pts.length - 1; i++) {
          const p = pts[i] as { x: number; y: number };
          const q = pts[i + 1] as { x: number; y: number };
          const c = p.x * q.y - q.x * p.y;
          a += c;
          cx += (p.x + q.x) * c;
          cy += (p.y + q.y) * c;
        }
        if (a !== 0 && Math.abs(a) > best.a) best = { a: Math.abs(a), x: cx / (3 * a), y: cy / (3 * a) };
      });
    return { area: f.area, d: parts.join(''), label: { x: r(best.x), y: r(best.y) } };
  });
  return { width: opts.width, height, areas };
}

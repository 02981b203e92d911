// Open data as portals and Excel see it: the CKAN action API and the DCAT catalogue list every
// registered dataset with its licence; every CSV, read as Excel reads it (BOM or Shift_JIS,
// RFC 4180 quoting, cells that look like numbers or dates converted, ="…" kept as text), keeps
// its Japanese text and its codes' leading zeros.
import { contextFor, publicReads, readCatalogue, seedDefaultPlan, toCp932Forms } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { buildServer } from './start-server';

type Cell = string | number;

/** What Excel shows for a CSV file opened by double-click (Japanese Windows). */
function openInExcel(bytes: Uint8Array): { rows: Cell[][]; raw: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Without a BOM, Japanese Excel reads the system code page (CP932).
  const raw = bom
    ? new TextDecoder('utf-8').decode(bytes.subarray(3))
    : iconv.decode(Buffer.from(bytes), 'cp932');
  const records: string[][] = parse(raw, {
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
  });
  const cell = (v: string): Cell => {
    const formula = /^="((?:[^"]|"")*)"$/.exec(v);
    if (formula) return (formula[1] ?? '').replaceAll('""', '"');
    if (/^\s*[-+]?\d[\d,]*(\.\d+)?\s*$/.test(v)) return Number(v.replaceAll(',', ''));
    // Excel turns 1-2, 1/2, 2020-10 into dates: a cell like that is lost as text.
    if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(v)) return `DATE(${v})`;
    return v;
  };
  return { rows: records.map((r) => r.map(cell)), raw };
}

interface JsonFile {
  id: string;
  licence: { id: string; url: string };
  modified: string | null;
  columns: { key: string; ja: string; en: string; type: string }[];
  rows: Record<string, string | number | boolean | null>[];
}

describeEachDatabase('open data', (t) => {
  let app: ReturnType<typeof buildServer>;
  let ids: string[] = [];
  const get = (p: string) => app.request(p);

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    app = buildServer(ctx);
    const cat = await readCatalogue(publicReads(ctx));
    if (!cat.ok) throw new Error('no catalogue');
    ids = cat.value.datasets.map((d) => d.id);
  });

  it('package_list, package_show and the DCAT catalogue list every dataset with its licence', async () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'plan-structure',
        'indicator-targets',
        'indicator-actuals',
        'evaluation-results',
        'survey-tables',
        'population-projections',
        'areas',
        'area-values',
        'brand-links',
        'sectoral-plans',
      ]),
    );
    expect(ids.filter((i) => i.startsWith('statistics-')).length).toBeGreaterThan(3);

    const list = await (await get('/api/3/action/package_list')).json();
    expect(list).toMatchObject({
      success: true,
      help: expect.stringContaining('help_show?name=package_list'),
    });
    expect(list.result).toEqual(ids);

    const all = await (await get('/api/3/action/current_package_list_with_resources')).json();
    expect(all.result.map((p: { name: string }) => p.name)).toEqual(ids);
    for (const id of ids) {
      const res = await get(`/api/3/action/package_show?id=${id}`);
      expect(res.status, id).toBe(200);
      const { result } = await res.json();
      expect(result.license_id, id).toBeTruthy();
      expect(result.license_url, id).toMatch(/^https:\/\//);
      expect(result.metadata_modified ?? '+09:00', id).toMatch(/\+09:00$/);
      expect(result.resources.map((r: { format: string }) => r.format)).toEqual(['CSV', 'JSON']);
      for (const r of result.resources) {
        expect(r.name, id).toBeTruthy();
        expect(r.url, id).toMatch(new RegExp(`^http://localhost/open-data/datasets/${id}\\.(csv|json)$`));
      }
    }
    const plan = await (await get('/api/3/action/package_show?id=plan-structure')).json();
    expect(plan.result.license_id).toBe('CC-BY-4.0');

    const missing = await get('/api/3/action/package_show?id=no-such-dataset');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    const noId = await get('/api/3/action/package_show');
    expect(noId.status).toBe(409);
    expect(await noId.json()).toMatchObject({ success: false, error: { __type: 'Validation Error' } });

    const ld = await get('/open-data/catalog.jsonld');
    expect(ld.headers.get('content-type')).toContain('application/ld+json');
    const cat = await ld.json();
    expect(cat['@type']).toBe('dcat:Catalog');
    expect(cat['dct:modified']['@value']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    const datasets = cat['dcat:dataset'];
    expect(datasets.map((d: Record<string, string>) => d['dct:identifier'])).toEqual(ids);
    for (const d of datasets) {
      expect(d['@type']).toBe('dcat:Dataset');
      expect(d['dct:license']['@id']).toMatch(/^https:\/\//);
      expect(d['dct:publisher']['foaf:name'][0]['@value']).toBeTruthy();
      expect(d['dcat:distribution']).toHaveLength(2);
      for (const x of d['dcat:distribution']) {
        expect(x['@type']).toBe('dcat:Distribution');
        expect(x['dct:license']['@id']).toBe(d['dct:license']['@id']);
        expect((await get(new URL(x['dcat:downloadURL']['@id']).pathname)).status).toBe(200);
      }
    }

    const page = await (await get('/open-data')).text();
    for (const id of ids) expect(page).toContain(`/open-data/datasets/${id}.csv`);
  });

  it('every CSV opens in Excel with its Japanese text and leading zeros intact', async () => {
    let leadingZeros = 0;
    let japanese = 0;
    for (const id of ids) {
      const json: JsonFile = await (await get(`/open-data/datasets/${id}.json`)).json();
      expect(json.id).toBe(id);
      for (const [query, header, cp932] of [
        ['', 'ja', false],
        ['?header=en', 'en', false],
        ['?encoding=sjis', 'ja', true],
      ] as const) {
        const res = await get(`/open-data/datasets/${id}.csv${query}`);
        expect(res.status, id + query).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(bytes[0] === 0xef, id + query).toBe(!cp932);
        const { rows, raw } = openInExcel(bytes);
        expect(raw.endsWith('\r\n')).toBe(true);
        expect(raw.replaceAll('\r\n', '').split('\n').length - 1).toBe(
          // Line breaks inside cells only, every record ends CRLF.
          json.rows.reduce(
            (n, r) => n + Object.values(r).filter((v) => typeof v === 'string' && v.includes('\n')).length,
            0,
          ),
        );
        const text = (v: string) => (cp932 ? toCp932Forms(v) : v);
        expect(rows[0], id + query).toEqual(json.columns.map((c) => text(header === 'en' ? c.en : c.ja)));
        expect(rows.length - 1, id).toBe(json.rows.length);
        json.rows.forEach((r, i) => {
          json.columns.forEach((c, j) => {
            const shown = rows[i + 1]?.[j];
            const v = r[c.key] ?? null;
            const where = `${id}${query} row ${i + 2} ${c.key}`;
            if (v === null || v === '') expect(shown, where).toBe('');
            else if (typeof v === 'number') expect(shown, where).toBe(v);
            else if (typeof v === 'boolean') expect(String(shown).toLowerCase(), where).toBe(String(v));
            else {
              expect(shown, where).toBe(text(v));
              if (/^0\d/.test(v)) leadingZeros++;
              if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(v)) japanese++;
            }
          });
        });
      }
    }
    expect(leadingZeros).toBeGreaterThan(100);
    expect(japanese).toBeGreaterThan(100);
  });

  it('a bare CSV needs ?codes=plain: codes are then written as they are, for programs', async () => {
    const res = await get('/open-data/datasets/statistics-districts-sample.csv?codes=plain');
    const raw = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
    expect(raw.split('\r\n')[1]).toMatch(/^01,大門,2010,/);
  });
});

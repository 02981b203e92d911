/**
 * The catalogue in the forms portals harvest: DCAT (DCAT-AP style, JSON-LD)
 * and the read part of CKAN's action API (package_list, package_show,
 * current_package_list_with_resources) with CKAN's envelope
 * `{help, success, result}` and its error shape (ckan/views/api.py: 404
 * "Not Found Error", 409 "Validation Error"). URLs are absolute from `base`
 * (the site's origin); times are Japan time with their +09:00 offset.
 */
import type { Catalogue, CatalogueEntry } from './catalogue';
import type { Bilingual } from './dataset-definition';

const langs = (t: Bilingual) => [
  { '@value': t.ja, '@language': 'ja' },
  ...(t.en && t.en !== t.ja ? [{ '@value': t.en, '@language': 'en' }] : []),
];
const dateTime = (v: string) => ({ '@value': v, '@type': 'xsd:dateTime' });

export function catalogueJsonLd(cat: Catalogue, base: string): Record<string, unknown> {
  const publisher = {
    '@type': 'foaf:Organization',
    'foaf:name': langs(cat.publisher.name),
    'dct:identifier': cat.publisher.code,
    ...(cat.publisher.url ? { 'foaf:homepage': { '@id': cat.publisher.url } } : {}),
  };
  const dataset = (d: CatalogueEntry) => ({
    '@id': `${base}/open-data#${d.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.id,
    'dct:title': langs(d.title),
    'dct:description': langs(d.description),
    'dcat:keyword': d.keywords,
    'dct:license': { '@id': d.licence.url },
    'dct:rights': langs(d.licence.title),
    'dct:publisher': publisher,
    'dct:provenance': { '@type': 'dct:ProvenanceStatement', 'rdfs:label': langs(d.source) },
    'dct:language': [{ '@id': 'http://id.loc.gov/vocabulary/iso639-1/ja' }],
    ...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
    'dcat:landingPage': { '@id': `${base}/open-data#${d.id}` },
    'dcat:distribution': d.distributions.map((x) => ({
      '@id': `${base}${x.url}`,
      '@type': 'dcat:Distribution',
      'dct:title': langs({ ja: `${d.title.ja}（${x.format}）`, en: `${d.title.en} (${x.format})` }),
      'dct:format': x.format,
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${x.mediaType}` },
      'dcat:accessURL': { '@id': `${base}${x.url}` },
      'dcat:downloadURL': { '@id': `${base}${x.url}` },
      'dct:license': { '@id': d.licence.url },
      ...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
    })),
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': langs(cat.title),
    'dct:publisher': publisher,
    'dct:license': { '@id': cat.licence.url },
    'dct:language': [
      { '@id': 'http://id.loc.gov/vocabulary/iso639-1/ja' },
      { '@id': 'http://id.loc.gov/vocabulary/iso639-1/en' },
    ],
    'foaf:homepage': { '@id': `${base}/open-data` },
    ...(cat.modified ? { 'dct:modified': dateTime(cat.modified) } : {}),
    'dcat:dataset': cat.datasets.map(dataset),
  };
}

/** CKAN's package dictionary for one dataset. */
export function ckanPackage(cat: Catalogue, d: CatalogueEntry, base: string): Record<string, unknown> {
  const org = {
    id: cat.publisher.code,
    name: cat.publisher.code,
    title: cat.publisher.name.ja,
    type: 'organization',
    is_organization: true,
    state: 'active',
  };
  return {
    id: d.id,
    name: d.id,
    title: d.title.ja,
    notes: d.description.ja,
    url: `${base}/open-data#${d.id}`,
    license_id: d.licence.id,
    license_title: d.licence.title.ja,
    license_url: d.licence.url,
    author: cat.publisher.name.ja,
    ...(cat.publisher.email ? { author_email: cat.publisher.email } : {}),
    metadata_modified: d.modified,
    private: false,
    state: 'active',
    type: 'dataset',
    owner_org: org.id,
    organization: org,
    num_tags: d.keywords.length,
    tags: d.keywords.map((k) => ({ name: k, display_name: k, state: 'active' })),
    extras: [
      { key: 'title_en', value: d.title.en },
      { key: 'notes_en', value: d.description.en },
      { key: 'source', value: d.source.ja },
      { key: 'sample', value: String(d.sample) },
    ],
    num_resources: d.distributions.length,
    resources: d.distributions.map((x, position) => ({
      id: `${d.id}-${x.format.toLowerCase()}`,
      package_id: d.id,
      name: `${d.title.ja}（${x.format}）`,
      description: d.description.ja,
      format: x.format,
      mimetype: x.mediaType,
      url: `${base}${x.url}`,
      last_modified: d.modified,
      position,
      state: 'active',
    })),
  };
}

export const ckanActions = ['package_list', 'package_show', 'current_package_list_with_resources'] as const;
export type CkanAction = (typeof ckanActions)[number];

const help = (base: string, action: string) => `${base}/api/3/action/help_show?name=${action}`;

/** A CKAN action's answer: status and body. `query` holds `id`, `limit`, `offset`. */
export function ckanAnswer(
  cat: Catalogue,
  action: CkanAction,
  query: (name: string) => string | undefined,
  base: string,
): { status: 200 | 404 | 409; body: Record<string, unknown> } {
  const envelope = (result: unknown) => ({
    status: 200 as const,
    body: { help: help(base, action), success: true, result },
  });
  const page = <T>(items: T[]) => {
    const offset = Math.max(0, Number(query('offset') ?? 0) || 0);
    const limit = query('limit') === undefined ? items.length : Math.max(0, Number(query('limit')) || 0);
    return items.slice(offset, offset + limit);
  };
  if (action === 'package_list') return envelope(page(cat.datasets.map((d) => d.id)));
  if (action === 'current_package_list_with_resources')
    return envelope(page(cat.datasets.map((d) => ckanPackage(cat, d, base))));
  const id = query('id') ?? query('name_or_id');
  if (!id)
    return {
      status: 409,
      body: {
        help: help(base, action),
        success: false,
        error: { __type: 'Validation Error', id: ['Missing value'] },
      },
    };
  const d = cat.datasets.find((x) => x.id === id);
  if (!d)
    return {
      status: 404,
      body: {
        help: help(base, action),
        success: false,
        error: { __type: 'Not Found Error', message: 'Not found' },
      },
    };
  return envelope(ckanPackage(cat, d, base));
}

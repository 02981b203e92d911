// The order of a municipality's public address (decision 0154), on registries built in memory.
import { expect, it } from 'vitest';
import { addressFrom } from './public-address';

const registry = (entries: [string, string | null, string[]][]) => ({
  codes: entries.map((e) => e[0]),
  byCode: new Map(entries.map(([code, publicUrl, hosts]) => [code, { publicUrl, hosts }])),
});
const configured = { publicUrl: 'https://plan.example.jp' };
const unset = { publicUrl: 'http://127.0.0.1:3000', publicUrlIsDefault: true };

it('takes the registered URL, then (one municipality) MIRAI_PUBLIC_URL, then the first host with the configured scheme', () => {
  const one = registry([['10001', null, ['x.example']]]);
  expect(addressFrom(one, undefined, configured)).toMatchObject({
    url: 'https://plan.example.jp',
    source: 'configured',
  });
  expect(addressFrom(one, undefined, unset)).toMatchObject({ url: 'http://x.example', source: 'host' });
  expect(addressFrom(registry([['10001', null, []]]), undefined, unset)).toMatchObject({
    url: 'http://127.0.0.1:3000',
    source: 'default',
  });
  const two = registry([
    ['10001', 'https://a.example', ['a.example']],
    ['10002', null, ['c.example', 'b.example'].sort()],
  ]);
  expect(addressFrom(two, '10001', configured)).toMatchObject({
    url: 'https://a.example',
    source: 'registry',
  });
  expect(addressFrom(two, '10002', configured)).toMatchObject({
    url: 'https://b.example',
    source: 'host',
    several: true,
  });
  expect(addressFrom(two, '10002', unset)).toMatchObject({ url: 'http://b.example', source: 'host' });
  // Several and none bound (a host none answers at): the configured URL, for no municipality.
  expect(addressFrom(two, undefined, configured)).toEqual({
    url: 'https://plan.example.jp',
    source: 'configured',
    several: true,
  });
});

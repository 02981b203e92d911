// e-Stat's CSV layouts for a census by sex and five-year age, in UTF-8 and Shift_JIS: the rows of
// one municipality come out as the stored census table (the same numbers as the tidy table they
// were made from, 90～94/95～99/100歳以上 added up to 90+), and bad cells are named by file, row and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRoot } from '../default-data';
import { looksLikeEstat, readEstatCensusFile, readEstatCensusText } from './estat-census';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/** The tidy table the fixtures were made from, for 2010 and 2015, under the test code. */
function expected(): string[] {
  const text = readFileSync(join(dataRoot, 'population/shiojiri_census_1980_2015_sex_age5.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[2] === '2010' || c[2] === '2015')
    .map((c) => [c[2], c[3], c[4], c[5]].join(','))
    .sort();
}

describe('e-Stat census CSV', () => {
  for (const name of ['census-web.utf8.csv', 'census-web.sjis.csv', 'census-api.utf8.csv'])
    it(`reads ${name} into the census table of one municipality`, async () => {
      const r = await readEstatCensusFile(fixture(name), '99999');
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const { table, meta } = r.value;
      expect(table.encoding).toBe(name.includes('sjis') ? 'cp932' : 'utf-8');
      expect(table.headers).toEqual([
        'municipality_code',
        'municipality',
        'year',
        'sex',
        'age_group',
        'population',
      ]);
      expect(new Set(table.rows.map((x) => `${x.cells.municipality_code} ${x.cells.municipality}`))).toEqual(
        new Set(['99999 テスト町']),
      );
      const got = table.rows
        .map((x) => [x.cells.year, x.cells.sex, x.cells.age_group, x.cells.population].join(','))
        .sort();
      expect(got).toEqual(expected());
      expect(meta.統計名 ?? meta.STAT_NAME).toContain('国勢調査');
    });

  it('tells an e-Stat file from a tidy one', () => {
    expect(looksLikeEstat(readFileSync(fixture('census-web.utf8.csv'), 'utf8'))).toBe(true);
    expect(looksLikeEstat(readFileSync(fixture('census-api.utf8.csv'), 'utf8'))).toBe(true);
    expect(looksLikeEstat('municipality_code,municipality,year,sex,age_group,population\n')).toBe(false);
  });

  const web = readFileSync(fixture('census-web.utf8.csv'), 'utf8').split('\r\n');
  const withLine = (n: number, edit: (l: string) => string) =>
    web.map((l, i) => (i === n - 1 ? edit(l) : l)).join('\n');

  it('names a suppressed value, an unknown label and a bad number by file, row and column', () => {
    // Line 10 is 総数 5～9歳, line 11 総数 10～14歳, line 35 男 0～4歳 (header on line 7).
    let text = withLine(10, (l) => l.replace('"2,883"', '"X"'));
    text = text.replace(/^("0020","人口","1",)"男"(,"01")/m, '$1"男子x"$2');
    text = text.replace('"3,397","3,130"', '"3,397","3.130人"');
    const r = readEstatCensusText(text, 'town.csv', '99999');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => [p.code, p.where?.file, p.where?.row, p.where?.column])).toEqual([
        ['estat/value-missing', 'town.csv', 10, '2015年'],
        ['estat/bad-value', 'town.csv', 11, '2015年'],
        ['estat/unknown-label', 'town.csv', 35, '男女'],
      ]);
  });

  it('refuses a file without the municipality, with a missing age group, or without an age classification', () => {
    const none = readEstatCensusText(web.join('\n'), 'town.csv', '12345');
    expect(!none.ok && none.problems.map((p) => p.code)).toEqual(['estat/no-rows-for-municipality']);
    expect(!none.ok && none.problems[0]?.message.en).toContain('99999 テスト町');

    const gap = readEstatCensusText(
      web.filter((l) => !/"女","13","60～64歳"/.test(l)).join('\n'),
      'town.csv',
      '99999',
    );
    expect(!gap.ok && gap.problems.map((p) => [p.code, p.message.en])).toEqual([
      [
        'estat/missing-age-group',
        '2010, female: age groups 60-64 are missing (0-4 to 85-89 and 90+ are needed)',
      ],
      [
        'estat/missing-age-group',
        '2015, female: age groups 60-64 are missing (0-4 to 85-89 and 90+ are needed)',
      ],
    ]);

    const noAge = readEstatCensusText(web.join('\n').replaceAll('年齢', '区分'), 'town.csv', '99999');
    expect(!noAge.ok && noAge.problems.map((p) => p.code)).toEqual(['estat/missing-dimension']);
  });

  it('adds the sexes up when the table has male and female only', () => {
    const text = web.filter((l) => !/^"0020","人口","0"/.test(l)).join('\n');
    const r = readEstatCensusText(text, 'town.csv', '99999');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const total = r.value.table.rows.filter((x) => x.cells.sex === 'total');
    expect(total.find((x) => x.cells.year === '2015' && x.cells.age_group === 'all')?.cells.population).toBe(
      '67135',
    );
    expect(total).toHaveLength(2 * 21);
  });
});

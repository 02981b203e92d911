// The one CSV writer: quoting, line endings, formulas neutralised, numbers kept, read back by csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { excelText, toCsv } from './csv-writer';

describe('toCsv', () => {
  it('quotes only what needs it, ends every line with CRLF, and reads back as written', () => {
    const rows = [
      ['code', 'name', 'note'],
      ['A-1', '子育て, 教育', 'said "yes"\nthen left'],
      ['B-2', '', null],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('code,name,note\r\nA-1,"子育て, 教育","said ""yes""\nthen left"\r\n')).toBe(true);
    expect(text.endsWith('B-2,,\r\n')).toBe(true);
    expect(parse(text, { record_delimiter: '\r\n' })).toEqual([
      ['code', 'name', 'note'],
      ['A-1', '子育て, 教育', 'said "yes"\nthen left'],
      ['B-2', '', ''],
    ]);
  });

  it('neutralises formulas in text but keeps negative numbers as numbers', () => {
    expect(toCsv([['=1+1', '@SUM(A1)', '-2', -2, 0.5, '+81 3']])).toBe(
      "'=1+1,'@SUM(A1),'-2,-2,0.5,'+81 3\r\n",
    );
  });

  it('quotes every cell and writes objects as JSON when asked (the audit export)', () => {
    expect(toCsv([[1, { a: 1 }, null]], { quoteAll: true, eol: 'lf' })).toBe('"1","{""a"":1}",""\n');
  });

  it('writes a code Excel must keep as text as ="…", quoted per RFC 4180, and reads back', () => {
    const text = toCsv([[excelText('01'), excelText('a"b'), '=01']]);
    expect(text).toBe(`"=""01""","=""a""""b""",'=01\r\n`);
    expect(parse(text)).toEqual([['="01"', '="a""b"', "'=01"]]);
  });
});

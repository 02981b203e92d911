/** The catalogued problems of reading an e-Stat CSV (each with file, row and column where it has them). */
import { defineProblem } from '@mirai/core';

export const estatProblems = {
  noHeader: defineProblem('estat/no-header', 'invalid', () => ({
    ja: 'e-Stat の表の見出し行（「表章項目 コード」「地域 コード」や tab_code, area_code の行）が見つかりません',
    en: 'No e-Stat header row found (a row with "表章項目 コード", "地域 コード" or tab_code, area_code)',
  })),
  noValueColumn: defineProblem('estat/no-value-column', 'invalid', () => ({
    ja: '値の列（value、または「/時間軸」「/表章項目」の後の列）がありません',
    en: 'No value column (value, or the columns after "/時間軸…" or "/表章項目")',
  })),
  missingDimension: defineProblem<{ dimension: string }>('estat/missing-dimension', 'invalid', (p) => ({
    ja: `「${p.dimension}」の分類がありません（男女別・5歳階級別の表を選んでください）`,
    en: `The table has no "${p.dimension}" classification (choose the table by sex and five-year age)`,
  })),
  whichCategory: defineProblem<{ dimension: string; names: string[] }>(
    'estat/which-category',
    'invalid',
    (p) => ({
      ja: `「${p.dimension}」のどの分類を取り込むか決められません（${p.names.join('、')}）。総数だけ、または人口だけの表にしてください`,
      en: `Cannot tell which "${p.dimension}" category to import (${p.names.join(', ')}); download the total or population only`,
    }),
  ),
  noRowsForMunicipality: defineProblem<{ code: string; found: string[] }>(
    'estat/no-rows-for-municipality',
    'invalid',
    (p) => ({
      ja: `市区町村コード ${p.code} の行がありません（ファイルにある地域: ${p.found.join('、') || 'なし'}）`,
      en: `No rows for municipality code ${p.code} (areas in the file: ${p.found.join(', ') || 'none'})`,
    }),
  ),
  unknownLabel: defineProblem<{ dimension: string; name: string }>('estat/unknown-label', 'invalid', (p) => ({
    ja: `「${p.dimension}」の「${p.name}」は読めません`,
    en: `Cannot read "${p.name}" as ${p.dimension}`,
  })),
  suppressed: defineProblem<{ symbol: string }>('estat/value-missing', 'invalid', (p) => ({
    ja: `値が「${p.symbol || '空欄'}」です（秘匿・不詳・数値なし）。人口推計には5歳階級のすべての値が必要です。この年を除いた表にするか、値を補ってください`,
    en: `The value is "${p.symbol || 'empty'}" (suppressed or not available); projections need every five-year group: leave this year out of the file or fill the value in`,
  })),
  duplicate: defineProblem<{ year: number; sex: string; age: string }>(
    'estat/duplicate-row',
    'invalid',
    (p) => ({
      ja: `${p.year}年・${p.sex}・${p.age} の行が二度あります`,
      en: `The row for ${p.year}, ${p.sex}, ${p.age} appears twice`,
    }),
  ),
  missingGroup: defineProblem<{ year: number; sex: string; groups: string[] }>(
    'estat/missing-age-group',
    'invalid',
    (p) => ({
      ja: `${p.year}年・${p.sex} に年齢階級 ${p.groups.join('、')} がありません（0～4歳から85～89歳と90歳以上が必要です）`,
      en: `${p.year}, ${p.sex}: age groups ${p.groups.join(', ')} are missing (0-4 to 85-89 and 90+ are needed)`,
    }),
  ),
  badValue: defineProblem<{ value: string }>('estat/bad-value', 'invalid', (p) => ({
    ja: `値「${p.value}」は人数として読めません`,
    en: `Cannot read "${p.value}" as a count of persons`,
  })),
  csvOnly: defineProblem('estat/csv-only', 'invalid', () => ({
    ja: 'e-Stat の表は CSV で取り込みます（ダウンロード時に CSV 形式を選んでください）',
    en: 'e-Stat tables are imported as CSV (choose CSV when downloading)',
  })),
};

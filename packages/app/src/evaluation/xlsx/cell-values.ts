/** Cell values as the import reads them: text from any cell type, numbers from text typed in Excel. */
import type ExcelJS from 'exceljs';
import type { Codec } from './xlsx-layout';

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
  }
  return String(v).trim();
}

export type Decoded =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'number' | 'choice'; allowed?: string };

/** Paths whose unknown values are left for the template check (it names the allowed scale levels). */
const checkedLater = (path: string) =>
  path.startsWith('ratings.') ||
  path === 'overallRating' ||
  path === 'direction' ||
  path.endsWith('.finding');

export function decodeCell(raw: ExcelJS.CellValue, codec: Codec, path: string): Decoded {
  const text = cellText(raw);
  switch (codec.type) {
    case 'text':
      return { ok: true, value: text === '' && codec.optional ? undefined : text };
    case 'number': {
      if (typeof raw === 'number') return { ok: true, value: raw };
      const t = text.normalize('NFKC').replace(/,/g, '');
      if (t === '') return { ok: true, value: codec.optional ? undefined : 0 };
      const n = Number(t);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'number' };
    }
    case 'choice': {
      if (text === '') return { ok: true, value: undefined };
      const t = text.normalize('NFKC');
      const hit = codec.options.find((o) => o.label === text || o.code === text || o.code === t);
      if (hit) return { ok: true, value: hit.code };
      if (checkedLater(path)) return { ok: true, value: t };
      return { ok: false, reason: 'choice', allowed: codec.options.map((o) => o.label).join('、') };
    }
    case 'list': {
      const parts = text.split(/[、,，\s]+/).filter((p) => p !== '');
      const codes: string[] = [];
      for (const p of parts) {
        const hit = codec.options.find((o) => o.label === p || o.code === p);
        if (!hit)
          return { ok: false, reason: 'choice', allowed: codec.options.map((o) => o.label).join('、') };
        codes.push(hit.code);
      }
      return { ok: true, value: codes };
    }
  }
}

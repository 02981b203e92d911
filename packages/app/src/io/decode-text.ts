/**
 * Decodes bytes from Excel-era offices: UTF-8 with or without BOM, or
 * Shift_JIS (CP932, Windows-31J). Strict UTF-8 is tried first; bytes that are
 * not valid UTF-8 are read as CP932.
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'cp932';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'cp932' };
  }
}

/** Encodes text for Excel: CP932 (what Japanese Excel opens by default) or UTF-8 with BOM. */
export function encodeText(text: string, encoding: 'cp932' | 'utf-8-bom'): Buffer {
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

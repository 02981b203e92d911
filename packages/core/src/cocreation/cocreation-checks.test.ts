// Pure checks of co-creation input: real file types by their bytes, report fields, spam rules.
import { describe, expect, it } from 'vitest';
import { photoTypes, sniffFileType } from './file-sniff';
import { checkReportInput, checkUploadedFile } from './report-input';
import { checkVoiceSubmission } from './voice-checks';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
const html = new TextEncoder().encode('<html><script>alert(1)</script>');
const codes = (r: { problems?: { code: string }[] } | object) =>
  'problems' in r ? (r.problems ?? []).map((p) => p.code) : [];

describe('uploaded files', () => {
  it('knows photos and PDF by their first bytes, whatever the name says', () => {
    expect([sniffFileType(png), sniffFileType(jpeg), sniffFileType(webp)]).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
    ]);
    expect(sniffFileType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffFileType(html)).toBeNull();
    expect(checkUploadedFile('photo.jpg', html, photoTypes)).toEqual({
      problems: [expect.objectContaining({ code: 'cocreation/file-type' })],
    });
    expect(checkUploadedFile('photo.png', png, photoTypes)).toEqual({ type: 'image/png' });
  });
  it('refuses a file over the limit before looking inside', () => {
    expect(codes(checkUploadedFile('big.png', new Uint8Array(11), photoTypes, 10))).toEqual([
      'cocreation/file-too-large',
    ]);
  });
});

describe('report input', () => {
  const good = {
    itemCode: 'B-6-M01-P01',
    title: '交流会',
    body: '市外の参加者と',
    activityDate: '2024-05-01',
  };
  it('accepts a complete report and lists every problem of a bad one', () => {
    expect(checkReportInput(good, '2024-06-01')).toEqual([]);
    const problems = checkReportInput(
      { ...good, title: ' ', activityDate: '2024-07-01', peopleReached: 1.5, hours: -1, indicatorCode: 'X' },
      '2024-06-01',
    );
    expect(problems.map((p) => [p.code, p.where?.field])).toEqual([
      ['cocreation/required', 'title'],
      ['cocreation/bad-date', 'activityDate'],
      ['cocreation/bad-number', 'peopleReached'],
      ['cocreation/bad-number', 'hours'],
      ['cocreation/proposal-incomplete', 'proposedValue'],
    ]);
  });
});

describe('spam checks', () => {
  it('refuses a filled honeypot, a form sent too fast or too late, and many links', () => {
    const ok = { body: 'ご意見です', elapsedSeconds: 30 };
    expect(checkVoiceSubmission(ok)).toEqual([]);
    expect(checkVoiceSubmission({ ...ok, website: 'http://spam' }).map((p) => p.code)).toEqual([
      'voices/spam-suspected',
    ]);
    expect(checkVoiceSubmission({ ...ok, elapsedSeconds: 1 }).map((p) => p.code)).toEqual([
      'voices/too-fast',
    ]);
    expect(checkVoiceSubmission({ ...ok, elapsedSeconds: 90_000 }).map((p) => p.code)).toEqual([
      'voices/form-expired',
    ]);
    expect(checkVoiceSubmission({ ...ok, body: 'http://a http://b https://c' }).map((p) => p.code)).toEqual([
      'voices/too-many-links',
    ]);
  });
});

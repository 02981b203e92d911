/**
 * Spam protection for residents' voices without outside services: a hidden
 * field people leave empty (honeypot), a minimum and maximum time between the
 * form being shown and sent, few links, and limits per address and client.
 */
import { defineProblem } from '../errors/define';
import type { Problem } from '../errors/problem';

export const voiceLimits = {
  body: 2000,
  name: 50,
  minSeconds: 3,
  maxSeconds: 24 * 3600,
  links: 2,
  perAddressPerHour: 5,
  perClientPerHour: 20,
};

export const voiceProblems = {
  spam: defineProblem('voices/spam-suspected', 'invalid', () => ({
    ja: '送信内容を受け付けられませんでした。ページを開き直して、もう一度お試しください',
    en: 'The submission could not be accepted. Reload the page and try again',
  })),
  tooFast: defineProblem('voices/too-fast', 'invalid', () => ({
    ja: '送信が早すぎます。内容を確認してから送信してください',
    en: 'Sent too quickly. Please review your text before sending',
  })),
  formExpired: defineProblem('voices/form-expired', 'invalid', () => ({
    ja: 'フォームの有効期限が切れました。ページを開き直してください',
    en: 'The form has expired. Please reload the page',
  })),
  tooManyLinks: defineProblem<{ max: number }>('voices/too-many-links', 'invalid', ({ max }) => ({
    ja: `リンクは${max}件までです`,
    en: `At most ${max} links are allowed`,
  })),
  rateLimited: defineProblem('voices/rate-limited', 'rate-limited', () => ({
    ja: '短時間の投稿が多すぎます。しばらくしてからお試しください',
    en: 'Too many posts in a short time. Please try again later',
  })),
  body: defineProblem<{ max: number }>('voices/body-length', 'invalid', ({ max }) => ({
    ja: `本文は1〜${max}文字で入力してください`,
    en: `The text must be 1 to ${max} characters`,
  })),
};

export interface VoiceSubmission {
  body: string;
  /** The honeypot: a field hidden from people; bots fill it in. */
  website?: string;
  /** Seconds between the form being issued and sent (from the signed form token). */
  elapsedSeconds: number;
}

export function checkVoiceSubmission(s: VoiceSubmission): Problem[] {
  if (s.website && s.website.trim() !== '') return [voiceProblems.spam.create({})];
  if (s.elapsedSeconds < voiceLimits.minSeconds) return [voiceProblems.tooFast.create({})];
  if (s.elapsedSeconds > voiceLimits.maxSeconds) return [voiceProblems.formExpired.create({})];
  const out: Problem[] = [];
  const body = s.body.trim();
  if (body.length === 0 || body.length > voiceLimits.body)
    out.push(voiceProblems.body.create({ max: voiceLimits.body }, { field: 'body' }));
  const links = body.match(/https?:\/\//gi)?.length ?? 0;
  if (links > voiceLimits.links)
    out.push(voiceProblems.tooManyLinks.create({ max: voiceLimits.links }, { field: 'body' }));
  return out;
}

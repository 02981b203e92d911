/**
 * Mail configuration from the environment: MIRAI_SMTP_URL (smtp:// or smtps://,
 * with user and password in the URL when the server needs them), MIRAI_MAIL_FROM
 * (the sender), MIRAI_PUBLIC_URL (the site's address, for links in messages;
 * MIRAI_PUBLIC_ORIGIN when unset). With several municipalities each has its own
 * public URL (decision 0154, tenancy/public-address.ts); this one is the
 * single install's, and gives the scheme of the addresses derived from host names.
 * Without MIRAI_SMTP_URL nothing is sent: messages are held in the outbox.
 */
import { defineProblem, fail, ok, type Result } from '@mirai/core';

export interface MailConfig {
  /** SMTP server URL; absent: hold every message in the outbox (embedded mode). */
  smtpUrl?: string;
  /** The From header, e.g. `Mirai <no-reply@city.example.jp>`. */
  from: string;
  /** The site's public address, used in links (unfollow, confirm), without a trailing slash. */
  publicUrl: string;
  /** True when `publicUrl` is the built-in default (nothing configured): see public-address.ts. */
  publicUrlIsDefault?: boolean;
}

export const mailProblems = {
  badSmtpUrl: defineProblem<{ url: string }>('mail/bad-smtp-url', 'invalid', ({ url }) => ({
    ja: `MIRAI_SMTP_URL が smtp:// または smtps:// のURLではありません: ${url}`,
    en: `MIRAI_SMTP_URL is not an smtp:// or smtps:// URL: ${url}`,
  })),
  badAddress: defineProblem<{ address: string }>('mail/bad-address', 'invalid', ({ address }) => ({
    ja: `メールアドレスの形式が正しくありません: ${address}`,
    en: `Not a valid e-mail address: ${address}`,
  })),
  badHeader: defineProblem<{ field: string }>('mail/bad-header', 'invalid', ({ field }) => ({
    ja: `メールの ${field} に改行や制御文字は使えません`,
    en: `The mail ${field} may not contain line breaks or control characters`,
  })),
};

export const defaultFrom = 'Mirai <no-reply@localhost>';

/** Hides the password of an SMTP URL for logs and pages. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Result<MailConfig> {
  const smtpUrl = env.MIRAI_SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {}
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      return fail(
        mailProblems.badSmtpUrl.create({ url: redactSmtpUrl(smtpUrl) }, { field: 'MIRAI_SMTP_URL' }),
      );
    }
  }
  const port = env.PORT ?? '3000';
  const configured = env.MIRAI_PUBLIC_URL?.trim() || env.MIRAI_PUBLIC_ORIGIN?.trim();
  return ok({
    ...(smtpUrl ? { smtpUrl } : {}),
    from: env.MIRAI_MAIL_FROM?.trim() || defaultFrom,
    publicUrl: (configured || `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    ...(configured ? {} : { publicUrlIsDefault: true }),
  });
}

/** A deliberately plain address check: one @, no spaces or controls, a dot in the domain. */
export function isMailAddress(s: string): boolean {
  return (
    s.length <= 254 &&
    /^[^\s@<>()[\]\\,;:"\p{Cc}]+@[^\s@<>()[\]\\,;:"\p{Cc}]+\.[^\s@<>()[\]\\,;:"\p{Cc}]+$/u.test(s)
  );
}

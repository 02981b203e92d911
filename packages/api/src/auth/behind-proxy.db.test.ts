// Behind a reverse proxy (trustProxy): the origin comes from X-Forwarded-Proto/Host, so cookie
// writes through an HTTPS proxy pass the CSRF origin check; sign-in limits are per forwarded client;
// an https public origin turns on HSTS. Without trustProxy the forwarded headers are ignored.
import { contextFor } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { createApi } from '../create-api';
import { createTestAccount, sessionHeaders, testAuthSettings } from './testing';

describeEachDatabase('behind a reverse proxy', (t) => {
  const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mirai.city.example.jp' };
  const origin = 'https://mirai.city.example.jp';

  it('takes the origin from the proxy headers only when the proxy is trusted', async () => {
    const ctx = contextFor(t.handle);
    const account = await createTestAccount(ctx, 'planning-editor');
    const write = async (trustProxy: boolean) => {
      const api = createApi(ctx, { auth: { settings: testAuthSettings, trustProxy } });
      const res = await api.request('http://127.0.0.1:3000/api/v1/staff/notifications/1/read', {
        method: 'POST',
        headers: { ...proxied, origin, ...(await sessionHeaders(ctx, account)) },
      });
      return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code];
    };
    expect(await write(false)).toEqual([403, 'auth/csrf-failed']);
    // Trusted: the origin check passes (the notification itself does not exist).
    expect(await write(true)).toEqual([404, 'notification/not-found']);
  });

  it('limits sign-in per forwarded client address, and sends HSTS for an https public origin', async () => {
    const ctx = contextFor(t.handle);
    const api = createApi(ctx, {
      auth: {
        settings: testAuthSettings,
        trustProxy: true,
        publicOrigin: origin,
        loginRateLimit: { max: 2, windowSeconds: 600 },
      },
    });
    const attempt = (client: string) =>
      api.request('http://127.0.0.1:3000/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...proxied, 'x-forwarded-for': client },
        body: JSON.stringify({ login: 'nobody-here', password: 'not-the-password-1' }),
      });
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await attempt('203.0.113.7')).status);
    expect(a).toEqual([401, 401, 429]);
    const other = await attempt('198.51.100.2, 10.0.0.1');
    expect(other.status).toBe(401);
    expect(other.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

/** `mirai tokens create|revoke|list`: API tokens for machine clients. */
import { accountRoles, createApiToken, listAccounts, listApiTokens, revokeApiToken } from '@mirai/app';
import { ProblemError, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor, osUser } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printTable } from '../output';

const operator = () => cliActor();

export function registerTokens(program: Command) {
  const tokens = program.command('tokens').description('API トークン / API tokens');

  withDataOptions(
    tokens
      .command('create <login>')
      .description(
        '利用者の API トークンを作る（秘密は一度だけ表示） / create a token for a user (secret shown once)',
      )
      .requiredOption('--name <name>', 'what the token is for')
      .option('--scope <scope...>', 'actions, "area:*" or "*"', ['*'])
      .option('--expires-in-days <n>', 'expiry in days'),
  ).action(async (login: string, opts) => {
    await withApp(opts, async (ctx) => {
      const user = (await listAccounts(ctx)).find((u) => u.login === login.toLowerCase() && !u.disabled);
      if (!user || !(accountRoles as readonly string[]).includes(user.role)) {
        throw new ProblemError({
          code: 'auth/user-not-found',
          kind: 'not-found',
          message: { ja: `有効な利用者「${login}」は見つかりません`, en: `No active user "${login}"` },
          where: { field: 'login' },
        });
      }
      const owner = {
        kind: 'user' as const,
        via: 'cli' as const,
        userId: user.id,
        login: user.login,
        role: user.role as (typeof accountRoles)[number],
        department: user.department,
        links: user.links,
        mustChangePassword: false,
      };
      const r = unwrap(
        await createApiToken(
          ctx,
          owner,
          {
            name: opts.name,
            scopes: opts.scope,
            ...(opts.expiresInDays ? { expiresInDays: Number(opts.expiresInDays) } : {}),
          },
          { actor: operator() },
        ),
      );
      console.log(`Token ${r.token.id} for ${user.login} (${r.token.scopes.join(' ')})`);
      console.log(r.secret);
    });
  });

  withDataOptions(
    tokens.command('revoke <id>').description('API トークンを失効させる / revoke a token'),
  ).action(async (id: string, opts) => {
    await withApp(opts, async (ctx) => {
      const r = unwrap(await revokeApiToken(ctx, { cli: osUser() }, Number(id), { asAdmin: true }));
      console.log(`Revoked token ${r.id} (${r.name})`);
    });
  });

  withDataOptions(tokens.command('list').description('API トークンの一覧 / list tokens')).action(
    async (opts) => {
      await withApp(opts, async (ctx) => {
        const list = await listApiTokens(ctx);
        printTable(
          ['id', 'user', 'name', 'scopes', 'state'],
          list.map((t) => [
            t.id,
            t.userId,
            t.name,
            t.scopes.join(' '),
            t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active',
          ]),
        );
      });
    },
  );
}

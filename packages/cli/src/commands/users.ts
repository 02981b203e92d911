/** `mirai users create-admin|add|list|disable|reset-password`: accounts from the server's console. */
import { createFirstAdmin, createUser, listAccounts, resetPassword, updateAccount } from '@mirai/app';
import { unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

const operator = () => cliActor();

function printOneTime(login: string, password: string | undefined) {
  if (!password) return;
  console.log(`一時パスワード / one-time password for ${login}: ${password}`);
  console.log('初回ログイン時に変更が必要です / it must be changed at first sign-in');
}

export function registerUsers(program: Command) {
  const users = program.command('users').description('利用者アカウント / user accounts');

  withDataOptions(
    users
      .command('create-admin')
      .description('最初のシステム管理者を作成する / create the first administrator')
      .option('--login <login>', 'login name', 'admin')
      .option('--name <name>', 'display name'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await createFirstAdmin(
          ctx,
          { login: opts.login, ...(opts.name ? { displayName: opts.name } : {}) },
          { actor: operator() },
        ),
      );
      console.log(`Created administrator ${r.user.login}`);
      printOneTime(r.user.login, r.oneTimePassword);
    });
  });

  withDataOptions(
    users
      .command('add <login>')
      .description('利用者を追加する / add a user (a one-time password is printed)')
      .requiredOption(
        '--role <role>',
        'admin | planning-editor | department-editor | reviewer | committee | partner',
      )
      .option('--name <name>', 'display name')
      .option('--department <code>', 'department code (department editors)')
      .option('--link <code...>', 'linked item codes (partners)'),
  ).action(async (login: string, opts) => {
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await createUser(
          ctx,
          {
            login,
            role: opts.role,
            ...(opts.name ? { displayName: opts.name } : {}),
            ...(opts.department ? { department: opts.department } : {}),
            ...(opts.link ? { links: opts.link } : {}),
          },
          { actor: operator() },
        ),
      );
      console.log(`Created ${r.user.login} (${r.user.role})`);
      printOneTime(r.user.login, r.oneTimePassword);
    });
  });

  withDataOptions(
    users
      .command('list')
      .description('利用者の一覧 / list users')
      .option('--format <format>', 'table or json', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = await listAccounts(ctx);
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['id', 'login', 'role', 'department', 'state'],
        list.map((u) => [
          u.id,
          u.login,
          u.role,
          u.department ?? '',
          u.disabled
            ? 'disabled'
            : u.locked
              ? 'locked'
              : u.mustChangePassword
                ? 'must-change-password'
                : 'active',
        ]),
      );
    });
  });

  withDataOptions(
    users.command('disable <login>').description('利用者を無効にする / disable a user (ends their sessions)'),
  ).action(async (login: string, opts) => {
    await withApp(opts, async (ctx) => {
      const user = (await listAccounts(ctx)).find((u) => u.login === login.toLowerCase());
      const id = user?.id ?? 0;
      const r = unwrap(await updateAccount(ctx, id, { disabled: true }, { actor: operator() }));
      console.log(`Disabled ${r.login}`);
    });
  });

  withDataOptions(
    users
      .command('reset-password <login>')
      .description('パスワードをリセットする / reset a password (prints a one-time password)'),
  ).action(async (login: string, opts) => {
    await withApp(opts, async (ctx) => {
      const user = (await listAccounts(ctx)).find((u) => u.login === login.toLowerCase());
      const r = unwrap(await resetPassword(ctx, user?.id ?? 0, { actor: operator() }));
      printOneTime(r.user.login, r.oneTimePassword);
    });
  });
}

/** `mirai municipalities add|list`: the municipalities one deployment serves, by host name (decision 0135). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { addMunicipality, listMunicipalities } from '@mirai/app';
import { ProblemError, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

export function registerMunicipalities(program: Command) {
  const m = program
    .command('municipalities')
    .description('市区町村（ホスト名ごと） / the municipalities of this deployment');

  withDataOptions(
    m
      .command('add')
      .description('市区町村を追加し、その計画を取り込む / add a municipality with its host names and plan')
      .requiredOption('--code <code>', 'municipality code (5 or 6 digits)')
      .option(
        '--plan <file>',
        'the plan file (YAML or JSON); without it, adds host names to a registered municipality',
      )
      .option('--host <host...>', 'host names it answers at (e.g. plan.example.lg.jp)', [])
      .option('--admin-login <login>', 'login of its first administrator (created with its plan)', 'admin')
      .option(
        '--no-admin',
        'create no administrator now (later: mirai users create-admin --municipality CODE)',
      ),
  ).action(async (opts) => {
    let text: string | undefined;
    try {
      if (opts.plan) text = await readFile(opts.plan, 'utf8');
    } catch {
      throw new ProblemError({
        code: 'io/file-not-found',
        kind: 'not-found',
        message: { ja: `ファイルが見つかりません: ${opts.plan}`, en: `File not found: ${opts.plan}` },
        where: { file: opts.plan },
      });
    }
    // Registering is global work: the command is not bound to a municipality (--municipality is ignored).
    await withApp(
      { ...opts, municipality: undefined },
      async (ctx) => {
        const r = unwrap(
          await addMunicipality(ctx, {
            code: opts.code,
            hosts: opts.host as string[],
            ...(text !== undefined ? { plan: { text, file: basename(opts.plan) } } : {}),
            actor: cliActor(),
            admin: opts.admin === false ? false : { login: opts.adminLogin as string },
          }),
        );
        console.log(
          `追加しました / added: ${r.municipality.code} ${r.municipality.name.ja} (${r.municipality.hosts.join(', ') || 'ホスト名なし / no host name'})${r.planCode ? `; 計画 / plan ${r.planCode} v${r.planVersion}` : ''}`,
        );
        if (r.admin) {
          console.log(`最初の管理者 / first administrator: ${r.admin.login}`);
          if (r.admin.oneTimePassword) {
            console.log(
              `一時パスワード / one-time password for ${r.admin.login}: ${r.admin.oneTimePassword}`,
            );
            console.log('初回ログイン時に変更が必要です / it must be changed at first sign-in');
          }
        } else if (r.planCode)
          console.log(
            `最初の管理者 / first administrator: npx mirai users create-admin --municipality ${r.municipality.code}`,
          );
      },
      { noSeed: true },
    );
  });

  withDataOptions(
    m
      .command('list')
      .description('市区町村の一覧 / list the municipalities')
      .option('--format <format>', 'table | json', 'table'),
  ).action(async (opts) => {
    await withApp(
      { ...opts, municipality: undefined },
      async (ctx) => {
        const all = await listMunicipalities(ctx.database.db);
        if (opts.format === 'json') {
          printJson(all.map((x) => ({ code: x.code, name: x.name, hosts: x.hosts })));
          return;
        }
        printTable(
          ['コード / code', '名称 / name', 'ホスト名 / hosts'],
          all.map((x) => [
            x.code,
            x.name.ja,
            x.hosts.join(', ') || (all.length === 1 ? '（すべて / any）' : '—'),
          ]),
        );
      },
      { noSeed: true },
    );
  });
}

/**
 * `mirai municipalities add|update|list`: the municipalities one deployment serves, by host name
 * (decision 0135), each with its public URL (decision 0154).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  addMunicipality,
  listMunicipalities,
  publicAddress,
  updateMunicipality,
  withMunicipality,
} from '@mirai/app';
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
      .option(
        '--public-url <url>',
        'its public URL, for links in e-mail, the CSRF origin and Secure cookies (default: https?://its first host)',
      )
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
            ...(opts.publicUrl !== undefined ? { publicUrl: opts.publicUrl as string } : {}),
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
      .command('update')
      .description("市区町村の公開URLを設定する / set or clear a municipality's public URL")
      .requiredOption('--code <code>', 'municipality code')
      .option('--public-url <url>', 'its public URL (http:// or https:// and one of its host names)')
      .option('--no-public-url', 'clear it: derived from its first host name again'),
  ).action(async (opts) => {
    if (opts.publicUrl === undefined)
      throw new ProblemError({
        code: 'cli/invalid-option',
        kind: 'invalid',
        message: {
          ja: '--public-url URL または --no-public-url を指定してください',
          en: 'Give --public-url URL or --no-public-url',
        },
      });
    await withApp(
      { ...opts, municipality: undefined },
      async (ctx) => {
        const r = unwrap(
          await updateMunicipality(ctx, {
            code: opts.code,
            publicUrl: opts.publicUrl === false ? null : (opts.publicUrl as string),
            actor: cliActor(),
          }),
        );
        const address = await withMunicipality(r.code, () => publicAddress(ctx));
        console.log(
          `更新しました / updated: ${r.code} ${r.name.ja}: ${address.url}${r.publicUrl ? '' : ' (ホスト名から / from its host name)'}`,
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
        // The URL its links name: registered, or derived (decision 0154).
        const urls = new Map<string, string>();
        for (const x of all) urls.set(x.code, (await withMunicipality(x.code, () => publicAddress(ctx))).url);
        if (opts.format === 'json') {
          printJson(
            all.map((x) => ({
              code: x.code,
              name: x.name,
              hosts: x.hosts,
              publicUrl: urls.get(x.code),
              publicUrlRegistered: x.publicUrl !== undefined,
            })),
          );
          return;
        }
        printTable(
          ['コード / code', '名称 / name', 'ホスト名 / hosts', '公開URL / public URL'],
          all.map((x) => [
            x.code,
            x.name.ja,
            x.hosts.join(', ') || (all.length === 1 ? '（すべて / any）' : '—'),
            `${urls.get(x.code)}${x.publicUrl ? '' : ' *'}`,
          ]),
        );
        if (all.some((x) => !x.publicUrl))
          console.log(
            '* 登録なし: ホスト名または MIRAI_PUBLIC_URL から / not registered: from its host name or MIRAI_PUBLIC_URL',
          );
      },
      { noSeed: true },
    );
  });
}

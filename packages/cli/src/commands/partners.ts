/** `mirai partners list|add|link|reports`: co-creation partners, their links and their reports. */
import { addPartner, linkPartner, listPartners, listReports, type UserActor } from '@mirai/app';
import { linkRoles, partnerKinds, type ReportStatus, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { osUser } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

const operator = () => osUser();
/** The CLI operator reads as an administrator (the machine's operator runs the CLI). */
export const cliStaff = (): UserActor => ({
  kind: 'user',
  via: 'cli',
  userId: 0,
  login: `cli-${operator()}`,
  role: 'admin',
  department: null,
  links: [],
  mustChangePassword: false,
});

export function registerPartners(program: Command) {
  const partners = program.command('partners').description('共創パートナー / co-creation partners');

  withDataOptions(
    partners
      .command('list')
      .description('パートナーの一覧 / list partners')
      .option('--format <format>', 'table or json', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = unwrap(await listPartners(ctx, cliStaff()));
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['code', 'kind', 'location', 'name', 'listed', 'sample', 'links'],
        list.map((p) => [
          p.code,
          p.kind,
          p.location,
          p.name.ja,
          p.listed ? 'yes' : 'no',
          p.sample ? 'sample' : '',
          p.links.map((l) => `${l.itemCode}(${l.role})`).join(' '),
        ]),
      );
    });
  });

  withDataOptions(
    partners
      .command('add <code>')
      .description('パートナーを登録する / add a partner')
      .requiredOption('--name <ja>', 'name in Japanese')
      .option('--name-en <en>', 'name in English')
      .requiredOption('--kind <kind>', partnerKinds.join(' | '))
      .requiredOption('--location <where>', 'inside | outside')
      .option('--website <url>', 'web site')
      .option('--contact <name>', 'contact person')
      .option('--contact-email <email>', "contact person's e-mail")
      .option('--listed', 'agreed to be listed on the public site'),
  ).action(async (code: string, opts) => {
    await withApp(opts, async (ctx) => {
      const p = unwrap(
        await addPartner(
          ctx,
          { cli: operator() },
          {
            code,
            kind: opts.kind,
            location: opts.location,
            name: { ja: opts.name, ...(opts.nameEn ? { en: opts.nameEn } : {}) },
            ...(opts.website ? { website: opts.website } : {}),
            ...(opts.contact
              ? {
                  contacts: [
                    { name: opts.contact, ...(opts.contactEmail ? { email: opts.contactEmail } : {}) },
                  ],
                }
              : {}),
            listed: opts.listed === true,
          },
        ),
      );
      console.log(`パートナー ${p.code} を登録しました / added partner ${p.code}`);
    });
  });

  withDataOptions(
    partners
      .command('link <code> <item>')
      .description('施策・事業・指標と連携させる / link to a measure, project or indicator')
      .option('--role <role>', linkRoles.join(' | '), 'co-creator')
      .option('--unlink', 'remove the link'),
  ).action(async (code: string, item: string, opts) => {
    await withApp(opts, async (ctx) => {
      const p = unwrap(
        await linkPartner(
          ctx,
          { cli: operator() },
          { partner: code, item, role: opts.role, ...(opts.unlink ? { unlink: true } : {}) },
        ),
      );
      console.log(`${p.code}: ${p.links.map((l) => `${l.itemCode}(${l.role})`).join(' ') || '(no links)'}`);
    });
  });

  withDataOptions(
    partners
      .command('reports')
      .description('パートナーの活動報告 / partner reports')
      .option('--partner <code>', 'one partner')
      .option('--status <status>', 'submitted | accepted | returned')
      .option('--format <format>', 'table or json', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = unwrap(
        await listReports(ctx, cliStaff(), {
          ...(opts.partner ? { partner: opts.partner } : {}),
          ...(opts.status ? { status: opts.status as ReportStatus } : {}),
        }),
      );
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['id', 'partner', 'item', 'date', 'title', 'people', 'status'],
        list.map((r) => [
          r.id,
          r.partner.code,
          r.itemCode,
          r.activityDate,
          r.title,
          r.peopleReached ?? '',
          r.status,
        ]),
      );
    });
  });
}

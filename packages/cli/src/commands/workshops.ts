/** `mirai workshops list|add|publish`: workshop records (staff work, audited as the operator). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createWorkshop, getWorkshop, listWorkshops, publishWorkshop } from '@mirai/app';
import { unwrap, workshopParticipantKinds } from '@mirai/core';
import type { Command } from 'commander';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';
import { cliStaff } from './partners';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** `residents=24,from-outside=5` → { residents: 24, 'from-outside': 5 } (checked by the use case). */
function participantsOf(spec: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (spec ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    out[(k ?? '').trim()] = Number((v ?? '').trim());
  }
  return out;
}

export function registerWorkshops(program: Command) {
  const workshops = program.command('workshops').description('ワークショップの記録 / workshop records');

  withDataOptions(
    workshops
      .command('list')
      .description('ワークショップの一覧 / list workshops')
      .option('--format <format>', 'table or json', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const list = unwrap(await listWorkshops(ctx, cliStaff()));
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['code', 'date', 'title', 'place', 'participants', 'shaped', 'files', 'published', 'sample'],
        list.map((w) => [
          w.code,
          w.heldOn,
          w.title.ja,
          w.place,
          w.participantTotal,
          w.shaped.map((s) => s.code).join(' '),
          w.files.length,
          w.published ? 'yes' : 'no',
          w.sample ? 'sample' : '',
        ]),
      );
    });
  });

  withDataOptions(
    workshops
      .command('add <code>')
      .description('ワークショップを記録する（非公開で） / record a workshop (unpublished)')
      .requiredOption('--title <ja>', 'title in Japanese')
      .option('--title-en <en>', 'title in English')
      .requiredOption('--date <YYYY-MM-DD>', 'the day it was held')
      .requiredOption('--place <place>', 'where')
      .option('--participants <kind=n,…>', `participants by kind: ${workshopParticipantKinds.join(', ')}`)
      .option('--output <text>', 'an output (repeat for more)', collect)
      .option('--shaped <codes>', 'desired states (field codes) and measures it shaped, comma-separated')
      .option('--file <path>', 'a photo or PDF (repeat for more; 5 MB each)', collect)
      .option('--sample', 'illustrative sample record'),
  ).action(async (code: string, opts) => {
    const files = await Promise.all(
      ((opts.file as string[] | undefined) ?? []).map(async (p) => ({
        name: basename(p),
        bytes: new Uint8Array(await readFile(p)),
      })),
    );
    await withApp(opts, async (ctx) => {
      const w = unwrap(
        await createWorkshop(
          ctx,
          cliStaff(),
          {
            code,
            title: { ja: opts.title, ...(opts.titleEn ? { en: opts.titleEn } : {}) },
            heldOn: opts.date,
            place: opts.place,
            participants: participantsOf(opts.participants),
            outputs: (opts.output as string[] | undefined) ?? [],
            shaped: String(opts.shaped ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            ...(opts.sample ? { sample: true } : {}),
          },
          files,
        ),
      );
      console.log(
        `ワークショップ ${w.code} を記録しました（非公開） / recorded workshop ${w.code} (unpublished)`,
      );
    });
  });

  withDataOptions(
    workshops
      .command('publish <code>')
      .description('ワークショップを公開する / publish a workshop')
      .option('--withdraw', 'withdraw it from the public site instead'),
  ).action(async (code: string, opts) => {
    await withApp(opts, async (ctx) => {
      const current = unwrap(await getWorkshop(ctx, cliStaff(), code));
      const w = unwrap(
        await publishWorkshop(ctx, cliStaff(), code, {
          expectedVersion: current.version,
          publish: !opts.withdraw,
        }),
      );
      console.log(
        w.published
          ? `ワークショップ ${code} を公開しました / published ${code}: /workshops/${code}`
          : `ワークショップ ${code} を非公開にしました / withdrew ${code}`,
      );
    });
  });
}

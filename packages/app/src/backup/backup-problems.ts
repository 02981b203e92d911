/** Problems of backup and restore (mirai backup / mirai restore). */
import { defineProblem } from '@mirai/core';

export const backupProblems = {
  unreadable: defineProblem<{ reason: string }>('backup/unreadable', 'invalid', (p) => ({
    ja: `バックアップファイルを読み取れません: ${p.reason}`,
    en: `Cannot read the backup file: ${p.reason}`,
  })),
  truncated: defineProblem<{ table: string; expected: number; found: number }>(
    'backup/truncated',
    'invalid',
    (p) => ({
      ja: `バックアップファイルが途中で切れているか壊れています（表 ${p.table}: ${p.expected} 行のはずが ${p.found} 行）。何も変更していません`,
      en: `The backup file is truncated or damaged (table ${p.table}: ${p.expected} rows expected, ${p.found} found); nothing was changed`,
    }),
  ),
  newerSchema: defineProblem<{ migrations: string[] }>('backup/newer-schema', 'conflict', (p) => ({
    ja: `バックアップはこのシステムより新しいデータベース構造で作られています（未知のマイグレーション: ${p.migrations.join(', ')}）。Mirai を更新してから復元してください。何も変更していません`,
    en: `The backup was made by a newer database schema (unknown migrations: ${p.migrations.join(', ')}); update Mirai before restoring. Nothing was changed`,
  })),
  unknownTable: defineProblem<{ table: string }>('backup/unknown-table', 'invalid', (p) => ({
    ja: `バックアップに未知の表「${p.table}」があります。何も変更していません`,
    en: `The backup holds an unknown table "${p.table}"; nothing was changed`,
  })),
  unknownMunicipality: defineProblem<{ code: string }>('backup/unknown-municipality', 'not-found', (p) => ({
    ja: `市区町村 ${p.code} は登録されていません。バックアップできません`,
    en: `Municipality ${p.code} is not registered; nothing to back up`,
  })),
  otherMunicipality: defineProblem<{ backup: string; asked: string }>(
    'backup/other-municipality',
    'invalid',
    (p) => ({
      ja: `このバックアップは市区町村 ${p.backup} のものです（指定: ${p.asked}）。別の市区町村には復元できません。何も変更していません`,
      en: `This backup is of municipality ${p.backup}, not ${p.asked}; it cannot be restored as another municipality. Nothing was changed`,
    }),
  ),
  municipalityNotInBackup: defineProblem<{ code: string }>(
    'backup/municipality-not-in-backup',
    'not-found',
    (p) => ({
      ja: `バックアップに市区町村 ${p.code} が含まれていません。何も変更していません`,
      en: `The backup holds no municipality ${p.code}; nothing was changed`,
    }),
  ),
  beforeTenancy: defineProblem<{ code: string }>('backup/before-tenancy', 'invalid', (p) => ({
    ja: `このバックアップは市区町村ごとの管理（マイグレーション 0090）より前のものです。市区町村 ${p.code} だけを復元することはできません。空のデータベースに全体を復元してください（その後、市区町村ごとにバックアップできます）。何も変更していません`,
    en: `This backup predates per-municipality data (migration 0090): municipality ${p.code} cannot be restored on its own. Restore it whole into an empty database (then back up each municipality). Nothing was changed`,
  })),
  crossesMunicipality: defineProblem<{ table: string; code: string }>(
    'backup/crosses-municipality',
    'invalid',
    (p) => ({
      ja: `バックアップの表 ${p.table} に市区町村 ${p.code} 以外の行、または他の市区町村の行を指す行があります。何も変更していません`,
      en: `Table ${p.table} of the backup holds rows of a municipality other than ${p.code}, or rows pointing at another municipality's rows; nothing was changed`,
    }),
  ),
  rowsCollide: defineProblem<{ table: string; code: string }>('backup/rows-collide', 'conflict', (p) => ({
    ja: `バックアップの行（表 ${p.table}）がこのデータベースの他の市区町村の行と衝突します。市区町村 ${p.code} のバックアップは、取得したデプロイか空のデータベースに復元してください。何も変更していません`,
    en: `Rows of the backup (table ${p.table}) collide with other municipalities' rows in this database; restore municipality ${p.code}'s backup into the deployment it was taken from, or into an empty database. Nothing was changed`,
  })),
  hostTaken: defineProblem<{ host: string; owner: string }>('backup/host-taken', 'conflict', (p) => ({
    ja: `バックアップのホスト名 ${p.host} は既に市区町村 ${p.owner} が使っています。何も変更していません`,
    en: `Host name ${p.host} of the backup already belongs to municipality ${p.owner}; nothing was changed`,
  })),
};

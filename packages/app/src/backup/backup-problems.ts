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
};

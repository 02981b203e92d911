/**
 * A status with a shape and words, never colour alone: each status key has
 * a symbol (◎ ○ △ × – … ≈ ?) and its label is always written out.
 */
import type { Text } from '@mirai/core';
import { T } from './text';

const symbols: Record<string, string> = {
  'on-track': '◎',
  S: '◎',
  A: '◎',
  'mostly-on-track': '○',
  B: '○',
  'slightly-behind': '△',
  C: '△',
  behind: '×',
  D: '×',
  'no-data': '–',
  'insufficient-data': '…',
  'cannot-tell': '≈',
  stale: '!',
  'not-computable': '?',
};

export function StatusBadge({ statusKey, label }: { statusKey: string; label: Text }) {
  return (
    <span className={`status status-${statusKey.replace(/[^a-zA-Z0-9-]/g, '')}`}>
      <span aria-hidden="true">{symbols[statusKey] ?? '・'}</span> <T text={label} />
    </span>
  );
}

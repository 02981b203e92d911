/**
 * A published round's sheets as a table: measure or project (measures linked), overall rating,
 * direction (by its label) and issues; measures first, then projects, each by code. Shown on
 * /evaluation and /open-data.
 */
import { defaultDirections } from '@mirai/core';
import type { ReactNode } from 'react';
import { Ja, L, Paren, T } from './text';

interface SheetRow {
  kind: string;
  code: string;
  name: string;
  overallRating?: string | null;
  direction?: string | null;
  issues?: string | null;
}

const directions = new Map(defaultDirections.map((d) => [d.code, d.label]));
const byKindAndCode = (a: SheetRow, b: SheetRow) =>
  a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'measure' ? -1 : 1;

export function EvaluationResultsTable({
  sheets,
  caption,
}: {
  sheets: readonly SheetRow[];
  caption: ReactNode;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <L ja="施策・事業" en="Measure or project" />
          </th>
          <th scope="col">
            <L ja="総合評価" en="Overall rating" />
          </th>
          <th scope="col">
            <L ja="今後の方向性" en="Direction" />
          </th>
          <th scope="col">
            <L ja="課題" en="Issues" />
          </th>
        </tr>
      </thead>
      <tbody>
        {[...sheets].sort(byKindAndCode).map((s) => (
          <tr key={`${s.kind}-${s.code}`}>
            <th scope="row">
              {s.kind === 'measure' ? (
                <a href={`/measures/${s.code}`}>
                  <Ja>{s.name}</Ja>
                </a>
              ) : (
                <Ja>{s.name}</Ja>
              )}
              <Paren>{s.code}</Paren>
            </th>
            <td>
              <Ja>{s.overallRating ?? '—'}</Ja>
            </td>
            <td>
              {s.direction && directions.has(s.direction) ? (
                <T text={directions.get(s.direction)!} />
              ) : (
                <Ja>{s.direction ?? '—'}</Ja>
              )}
            </td>
            <td>
              <Ja>{s.issues ?? '—'}</Ja>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

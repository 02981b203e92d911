/** The versions of the plan data: on the public open-data page (no account names) and for staff (with them). */

import { japanTime } from '@mirai/core';
import type { PlanVersionView } from '../types';
import { Ja, L } from './text';

export function PlanHistoryTable({ history }: { history: readonly PlanVersionView[] }) {
  const withActor = history.some((h) => h.actor !== undefined);
  return (
    <table>
      <caption>
        <L ja="計画データの版" en="Versions of the plan data" />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <L ja="版" en="Version" />
          </th>
          <th scope="col">
            <L ja="日時" en="Date" />
          </th>
          {withActor ? (
            <th scope="col">
              <L ja="登録者" en="By" />
            </th>
          ) : null}
          <th scope="col">
            <L ja="備考" en="Note" />
          </th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.version}>
            <td className="num">{h.version}</td>
            <td>{japanTime(new Date(h.createdAt)).slice(0, 16).replace('T', ' ')}</td>
            {withActor ? <td>{h.actor ?? ''}</td> : null}
            <td>
              <Ja>{h.note ?? ''}</Ja>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The problems an API answer carries, as a table: code, message and where (file, row, column). */
import { useLang } from '../i18n/lang';
import { L } from '../ui/text';

export interface ApiProblem {
  code: string;
  message: { ja: string; en: string };
  where?: Record<string, string | number>;
}

/** Every problem of an error body (`details.problems` when several, else the one). */
export function problemsOf(body: unknown): ApiProblem[] {
  const e = (
    body as {
      error?: {
        code: string;
        message: ApiProblem['message'];
        details?: { where?: ApiProblem['where']; problems?: ApiProblem[] };
      };
    }
  )?.error;
  if (!e) return [];
  if (e.details?.problems?.length) return e.details.problems;
  return [{ code: e.code, message: e.message, ...(e.details?.where ? { where: e.details.where } : {}) }];
}

export function ProblemsTable({ problems }: { problems: ApiProblem[] }) {
  const lang = useLang();
  return (
    <div className="table-scroll" role="alert">
      <table id="import-problems">
        <caption>
          <L
            ja={`取り込めない理由（${problems.length} 件）`}
            en={`Why it cannot be imported (${problems.length})`}
          />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <L ja="行" en="Row" />
            </th>
            <th scope="col">
              <L ja="列" en="Column" />
            </th>
            <th scope="col">
              <L ja="内容" en="Problem" />
            </th>
            <th scope="col">
              <L ja="コード" en="Code" />
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
            <tr key={i}>
              <td className="num">{p.where?.row ?? '—'}</td>
              <td>{p.where?.column ?? p.where?.field ?? p.where?.path ?? '—'}</td>
              <td>{p.message[lang]}</td>
              <td>
                <code>{p.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The staff workspace's start page: who is signed in and what they can open. */
import type { PageModel } from '../types';
import { Ja, L, Paren, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'staff-home' }>;

export function StaffHomePage({ model }: { model: Model }) {
  const { user } = model.session;
  return (
    <main id="main">
      <h1>
        <L ja="職員用ワークスペース" en="Staff workspace" />
      </h1>
      <p>
        <Ja>{user.displayName}</Ja>
        <Paren>
          {user.login}・<T text={user.roleName} />
        </Paren>
      </p>
      <ul className="cards">
        {model.links.map((l) => (
          <li key={l.href} className="card">
            <h2>
              {l.available ? (
                <a href={l.href}>
                  <T text={l.label} />
                </a>
              ) : (
                <T text={l.label} />
              )}
            </h2>
            {l.note ? (
              <p>
                <T text={l.note} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  );
}

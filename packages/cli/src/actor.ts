/**
 * Who a CLI write is audited as: the operating-system user running the command
 * (`cli:root`). `--actor` is only a claim recorded beside it (`cli:root(as tanaka)`),
 * never the identity: anyone can type any name.
 */
import { userInfo } from 'node:os';

export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for the uid (some containers): the uid is still a true identity.
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

/** `cli:<os user>`, with a claimed name beside it when one is given and differs. */
export function cliActor(claimed?: string): string {
  const user = osUser();
  const claim = claimed?.trim().slice(0, 64);
  return claim && claim !== user ? `cli:${user}(as ${claim})` : `cli:${user}`;
}

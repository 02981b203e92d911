/**
 * Each municipality's public address (decision 0154): the URL its links in
 * e-mail name, and (for the API) its CSRF origin and whether its cookies are
 * Secure. In order:
 * 1. its public URL in the registry (`mirai municipalities add|update --public-url`);
 * 2. on an install with one municipality (or none yet), the configured
 *    MIRAI_PUBLIC_URL (else MIRAI_PUBLIC_ORIGIN), as before tenancy;
 * 3. its first host name (in name order), with the configured URL's scheme
 *    (http when nothing is configured);
 * 4. the configured URL, else `http://127.0.0.1:PORT`.
 * The municipality is the bound one (or the registry's only one). The registry
 * is re-read at most every 5 s per database, at once after this process changed it.
 */
import {
  boundMunicipality,
  type Database,
  type MunicipalityAddresses,
  readMunicipalityAddresses,
  registryGeneration,
} from '@mirai/db';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context';
import type { MailConfig } from '../mail/mail-config';

export interface PublicAddress {
  /** The public URL, without a trailing slash. */
  url: string;
  /** Where it came from (the numbered rules above). */
  source: 'registry' | 'configured' | 'host' | 'default';
  /** The municipality it is for (absent: none registered, or several and none bound). */
  municipality?: string;
  /** More than one municipality is registered. */
  several: boolean;
}

const ttlMs = 5_000;
const cache = new WeakMap<object, { at: number; generation: number; value: MunicipalityAddresses }>();

async function addresses(
  ctx: AppContext,
  executor?: Kysely<Database> | Transaction<Database>,
): Promise<MunicipalityAddresses> {
  const hit = cache.get(ctx.database);
  if (hit && hit.generation === registryGeneration() && Date.now() - hit.at <= ttlMs) return hit.value;
  const generation = registryGeneration();
  let value: MunicipalityAddresses;
  try {
    value = await readMunicipalityAddresses(executor ?? ctx.database.db);
  } catch (error) {
    // The database away: the addresses known a moment ago still hold (as host resolution does).
    if (hit) return hit.value;
    throw error;
  }
  cache.set(ctx.database, { at: Date.now(), generation, value });
  return value;
}

/** The rules above, on a registry already read. */
export function addressFrom(
  registry: MunicipalityAddresses,
  code: string | undefined,
  mail: Pick<MailConfig, 'publicUrl' | 'publicUrlIsDefault'>,
): PublicAddress {
  const several = registry.codes.length > 1;
  const municipality = code ?? (registry.codes.length === 1 ? registry.codes[0] : undefined);
  const entry = municipality ? registry.byCode.get(municipality) : undefined;
  const base = { ...(municipality ? { municipality } : {}), several };
  if (entry?.publicUrl) return { ...base, url: entry.publicUrl, source: 'registry' };
  const configured = !mail.publicUrlIsDefault;
  if (configured && !several) return { ...base, url: mail.publicUrl, source: 'configured' };
  const host = entry?.hosts[0];
  if (host) {
    const scheme = configured ? new URL(mail.publicUrl).protocol : 'http:';
    return { ...base, url: `${scheme}//${host}`, source: 'host' };
  }
  return { ...base, url: mail.publicUrl, source: configured ? 'configured' : 'default' };
}

/**
 * The public address of the municipality the current work is for. Inside a
 * transaction pass it as `executor` (on the embedded database a second
 * connection would wait for the transaction's).
 */
export async function publicAddress(
  ctx: AppContext,
  executor?: Kysely<Database> | Transaction<Database>,
): Promise<PublicAddress> {
  return addressFrom(await addresses(ctx, executor), boundMunicipality(), ctx.mail.config);
}

/** The base of links in e-mail: the current municipality's public URL. */
export async function publicUrl(
  ctx: AppContext,
  executor?: Kysely<Database> | Transaction<Database>,
): Promise<string> {
  return (await publicAddress(ctx, executor)).url;
}

/**
 * The pages' one way to call the API (same origin): a typed client (Hono's
 * `hc`) over one route group of the API, whose paths, inputs and answers come
 * from the routes' declarations (@mirai/api, types only). The session's CSRF
 * token is added here, once, to every call. Bodies: `{ json }`, `{ form }`
 * (multipart), or a FormData or file as it is with `bodyOf(…)` as the call's options.
 */
import type { GroupApi, RouteGroups } from '@mirai/api';
import { type ClientRequestOptions, hc } from 'hono/client';

export type ApiGroup = keyof RouteGroups;

/** A client of the API's `group` routes (api-types.ts), e.g. `apiClient('accounts', csrf).api.v1.users.$post(…)`. */
export function apiClient<G extends ApiGroup>(_group: G, csrfToken: string | null) {
  return hc<GroupApi<G>>('/', { headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} });
}

/** Call options that send a form as multipart, or a file's bytes as application/octet-stream. */
export const bodyOf = (body: FormData | Blob): ClientRequestOptions =>
  body instanceof FormData
    ? { init: { body } }
    : { headers: { 'content-type': 'application/octet-stream' }, init: { body } };

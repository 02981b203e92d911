/**
 * The staff pages' one way to call the API (same origin): the session's CSRF
 * token is added here, once, to every call; objects are sent as JSON,
 * FormData as multipart, a File or Blob as raw bytes (octet-stream).
 * Answers are the fetch Response.
 */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  send(method: ApiMethod, path: string, body?: unknown): Promise<Response>;
}

export function apiClient(csrfToken: string | null): ApiClient {
  const csrf: Record<string, string> = csrfToken ? { 'x-csrf-token': csrfToken } : {};
  return {
    send(method, path, body) {
      if (body === undefined) return fetch(path, { method, headers: csrf });
      if (body instanceof FormData) return fetch(path, { method, headers: csrf, body });
      if (body instanceof Blob)
        return fetch(path, {
          method,
          headers: { ...csrf, 'content-type': 'application/octet-stream' },
          body,
        });
      return fetch(path, {
        method,
        headers: { ...csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
  };
}

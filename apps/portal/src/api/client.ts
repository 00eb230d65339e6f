import createClient from 'openapi-fetch';
import { session } from '../session/session';
import type { paths } from './schema';

/** A refusal from the platform: its message in Bahasa Indonesia and the fields it names. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { field: string; message: string }[] = [],
    readonly info: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** The message for one form field, if the platform named it. */
  field(name: string): string | undefined {
    return this.details.find((d) => d.field === name || d.field.endsWith(`.${name}`))?.message;
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: ten requests that find the access token expired wait for the same one. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.get()?.refreshToken;
    if (!refreshToken) return false;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (!response) return false; // offline: keep the session, the request fails as offline
    if (!response.ok) {
      if (session.adoptNewer(refreshToken)) return true;
      session.end('expired');
      return false;
    }
    const pair = (await response.json()) as { accessToken: string; refreshToken: string };
    session.tokens(pair.accessToken, pair.refreshToken);
    return true;
  })().finally(() => (refreshing = null));
  return refreshing;
}

const withToken = (request: Request) => {
  const token = session.get()?.accessToken;
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
};

/** Every call carries the access token; an expired one is refreshed once and the call repeated. */
async function authorisedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withToken(request));
  if (response.status !== 401 || request.url.includes('/api/v1/auth/') || !session.get()) return response;
  return (await refreshOnce()) ? fetch(withToken(retry)) : response;
}

export const api = createClient<paths>({ baseUrl: location.origin, fetch: authorisedFetch });

interface ErrorBody {
  message?: string;
  details?: { field: string; message: string }[];
  info?: Record<string, unknown>;
}

/** The data of a successful answer; a refusal becomes an ApiProblem carrying the platform's words. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, navigator.onLine ? 'Server tidak dapat dihubungi; silakan coba lagi' : 'Anda sedang luring (tanpa sinyal).');
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiProblem(result.response.status, body.message ?? 'Terjadi kesalahan; silakan coba lagi', body.details, body.info);
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync, randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  traceId: string;
  /** W3C traceparent for this service's span, passed on to events and outgoing calls. */
  traceparent: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Random bytes for trace and span ids, drawn from a buffer refilled 4 KiB at a time: every request
 * needs 24 of them, and asking the CSPRNG for each pair separately showed in the gateway's profile.
 */
const entropy = Buffer.allocUnsafe(4096);
let drawn = entropy.length;
function randomHex(bytes: number): string {
  if (drawn + bytes > entropy.length) {
    randomFillSync(entropy);
    drawn = 0;
  }
  drawn += bytes;
  return entropy.toString('hex', drawn - bytes, drawn);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
/** A caller's request id is kept only when it is a plain token: it goes into logs and the audit trail. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Continues the caller's trace when a valid traceparent arrives, else starts a new one. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): RequestContext {
  const requestIdHeader = headers['x-request-id'];
  const offered = Array.isArray(requestIdHeader) ? requestIdHeader[0] : requestIdHeader;
  const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
  const incoming = headers.traceparent;
  const match = TRACEPARENT.exec((Array.isArray(incoming) ? incoming[0] : incoming) ?? '');
  const traceId = match?.[1] ?? randomHex(16);
  const flags = match?.[3] ?? '01';
  return { requestId, traceId, traceparent: `00-${traceId}-${randomHex(8)}-${flags}` };
}

export function currentTraceparent(): string | undefined {
  return requestContext.getStore()?.traceparent;
}

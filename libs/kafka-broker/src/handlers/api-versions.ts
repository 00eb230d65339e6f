import { ApiKey, SUPPORTED_VERSIONS } from '../protocol/api-keys';
import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { RequestContext } from './handler';

/**
 * ApiVersions v0–3. v3 is the one flexible version (librdkafka asks for it first); a higher version is
 * answered the way Kafka does, with a v0-shaped UNSUPPORTED_VERSION body listing ApiVersions' own range,
 * so the client retries with a version it and we both know (reference §1.1).
 */
export function apiVersions(ctx: RequestContext): Writer {
  const w = new Writer();
  const range = SUPPORTED_VERSIONS.get(ApiKey.ApiVersions)!;
  if (ctx.apiVersion > range.max) {
    w.int16(ErrorCode.UNSUPPORTED_VERSION);
    w.array([ApiKey.ApiVersions], (out, key) => out.int16(key).int16(range.min).int16(range.max));
    return w;
  }
  const entries = [...SUPPORTED_VERSIONS.entries()];
  w.int16(ErrorCode.NONE);
  if (ctx.apiVersion >= 3) {
    w.compactArray(entries, (out, [key, r]) => out.int16(key).int16(r.min).int16(r.max).emptyTaggedFields());
    w.int32(0).emptyTaggedFields();
    return w;
  }
  w.array(entries, (out, [key, r]) => out.int16(key).int16(r.min).int16(r.max));
  if (ctx.apiVersion >= 1) w.int32(0);
  return w;
}

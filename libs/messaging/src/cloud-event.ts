import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';

/** A CloudEvents 1.0 event, carried over Kafka in binary mode (attributes as `ce_*` headers). */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  data: T;
  traceparent?: string;
}

export function newCloudEvent<T>(fields: Omit<CloudEvent<T>, 'id' | 'time'> & Partial<Pick<CloudEvent<T>, 'id' | 'time'>>): CloudEvent<T> {
  return { id: randomUUID(), time: new Date().toISOString(), ...fields };
}

export function cloudEventHeaders(event: CloudEvent): Record<string, string> {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    ce_subject: event.subject,
    'content-type': 'application/json',
  };
  if (event.traceparent) headers.traceparent = event.traceparent;
  return headers;
}

export class MalformedEvent extends Error {
  override readonly name = 'MalformedEvent';
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Reads a record written by cloudEventHeaders; throws MalformedEvent when it is not a CloudEvent. */
export function parseCloudEvent(headers: IHeaders | undefined, value: Buffer | null): CloudEvent {
  const id = header(headers, 'ce_id');
  const type = header(headers, 'ce_type');
  if (header(headers, 'ce_specversion') !== '1.0' || !id || !type) {
    throw new MalformedEvent('missing CloudEvents headers ce_specversion=1.0, ce_id or ce_type');
  }
  let data: unknown;
  try {
    data = value ? JSON.parse(value.toString('utf8')) : null;
  } catch {
    throw new MalformedEvent(`event ${id} has a value that is not JSON`);
  }
  return {
    id,
    type,
    source: header(headers, 'ce_source') ?? '',
    time: header(headers, 'ce_time') ?? '',
    subject: header(headers, 'ce_subject') ?? '',
    traceparent: header(headers, 'traceparent'),
    data,
  };
}

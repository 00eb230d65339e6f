import { ApiError, invalid } from '@app/service-kit';

export interface Upload {
  contentType: string;
  bytes: Buffer;
}

/** Recognised by their first bytes, not by what the client claims. */
const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

const NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/**
 * A base64 upload (optionally a data: URL) checked for its real type and size. The refusal names the
 * field and says what is accepted.
 */
export function decodeUpload(value: string, field: string, allowed: string[], maxBytes: number): Upload {
  const fail = (message: string) => invalid(field, message);
  const payload = value.replace(/^data:[\w/+.-]+;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(payload)) throw fail('harus berupa data base64');
  const bytes = Buffer.from(payload, 'base64');
  const accepted = allowed.map((t) => NAMES[t]).join(' atau ');
  if (bytes.length > maxBytes)
    throw new ApiError(413, `Berkas ${field} terlalu besar (maksimal ${Math.round(maxBytes / 1024 / 1024)} MB)`, [
      { field, message: `maksimal ${maxBytes} byte` },
    ]);
  const kind = SIGNATURES.find((s) => allowed.includes(s.type) && s.magic.every((b, i) => bytes[i] === b));
  if (!kind) throw fail(`harus berupa berkas ${accepted}`);
  return { contentType: kind.type, bytes };
}

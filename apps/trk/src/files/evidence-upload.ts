import { ApiError, invalid } from '@app/service-kit';

export interface Upload {
  contentType: string;
  bytes: Buffer;
}

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** Recognised by their first bytes, not by what the client claims. */
const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

const NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/**
 * An evidence file sent as base64, checked for its size and its real type: the bytes must be a JPEG,
 * PNG or PDF and the type the client declared. Refusals name the field (evidence.dataBase64 or
 * evidence.contentType) and say what is accepted.
 */
export function decodeEvidence(evidence: { contentType: string; dataBase64: string }, maxBytes: number): Upload {
  const field = 'evidence.dataBase64';
  const payload = evidence.dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload) || payload.length % 4 !== 0) throw invalid(field, 'harus berupa data base64');
  // Known before decoding: an oversized file is refused without allocating it.
  if ((payload.length / 4) * 3 - (payload.match(/=+$/)?.[0].length ?? 0) > maxBytes)
    throw new ApiError(413, `Berkas bukti terlalu besar (maksimal ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB)`, [
      { field, message: `maksimal ${maxBytes} byte` },
    ]);
  const bytes = Buffer.from(payload, 'base64');
  const kind = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (!kind) throw invalid(field, 'harus berupa berkas JPEG, PNG atau PDF');
  if (kind.type !== evidence.contentType)
    throw invalid('evidence.contentType', `isi berkas adalah ${NAMES[kind.type]}, bukan ${NAMES[evidence.contentType] ?? evidence.contentType}`);
  return { contentType: kind.type, bytes };
}

import { randomUUID } from 'node:crypto';
import { ContractViolation } from '@app/contracts';
import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { requestContext } from './request-context';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The one error body every service returns, for every 4xx and 5xx. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** For staff: in Bahasa Indonesia. */
  message: string;
  details?: FieldProblem[];
  /** Machine-readable facts of a domain refusal (e.g. the reason code and distance of a refused check-in). */
  info?: Record<string, unknown>;
  requestId?: string;
}

/** A domain error carrying its HTTP status and, optionally, the fields at fault. */
export class ApiError extends HttpException {
  constructor(status: number, message: string, details?: FieldProblem[], info?: Record<string, unknown>) {
    super({ message, details, info }, status);
  }
}

export const notFound = (what: string) => new ApiError(HttpStatus.NOT_FOUND, `${what} tidak ditemukan`);
export const conflict = (message: string, details?: FieldProblem[]) => new ApiError(HttpStatus.CONFLICT, message, details);
/** 400 naming every field at fault: the one shape of a bad-input answer. */
export const invalidInput = (problems: FieldProblem[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, `Data tidak valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
export const invalid = (field: string, message: string) => invalidInput([{ field, message }]);

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const FRAMEWORK_MESSAGES: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Identitas pengguna tidak ada atau tidak sah; silakan masuk kembali',
  403: 'Anda tidak berhak mengakses data ini',
  404: 'Alamat tidak ditemukan',
  405: 'Metode permintaan tidak didukung pada alamat ini',
  406: 'Format jawaban yang diminta tidak tersedia',
  408: 'Permintaan terlalu lama dikirim',
  411: 'Sertakan Content-Length pada isi permintaan',
  413: 'Isi permintaan terlalu besar',
  414: 'Alamat permintaan terlalu panjang',
  415: 'Jenis isi permintaan tidak didukung; kirim application/json',
  429: 'Terlalu banyak permintaan; coba lagi nanti',
  431: 'Kepala (header) permintaan terlalu besar',
};

/** Fastify's own refusals, told for staff (their English messages are never shown). */
const FASTIFY_MESSAGES: Record<string, FieldProblem> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { field: 'body', message: 'kosong padahal Content-Type application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { field: 'content-length', message: 'tidak sesuai dengan panjang isi' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { field: 'content-type', message: 'tidak didukung; kirim application/json' },
  FST_ERR_CTP_INVALID_TYPE: { field: 'content-type', message: 'harus berupa teks' },
  FST_ERR_CTP_BODY_TOO_LARGE: { field: 'body', message: 'terlalu besar' },
  FST_ERR_BAD_URL: { field: 'url', message: 'memuat penyandian persen yang tidak valid' },
  FST_ERR_MAX_PARAM_LENGTH: { field: 'url', message: 'memuat parameter yang terlalu panjang' },
  FST_ERR_CTP_INVALID_JSON_BODY: { field: 'body', message: 'bukan JSON yang valid' },
};

/** What a schema keyword means for the field it failed on, in staff's words. */
const CONTRACT_MESSAGES: Record<string, string> = {
  minLength: 'wajib diisi',
  required: 'wajib ada',
  pattern: 'formatnya tidak valid',
  format: 'formatnya tidak valid',
  type: 'tipenya tidak sesuai',
  enum: 'nilainya tidak dikenal',
  minimum: 'terlalu kecil',
  maximum: 'terlalu besar',
};

/**
 * A change whose event would break its published contract. DTOs are meant to refuse such input first;
 * reaching this is a gap in a DTO (logged as an error), but the client still gets a 422 naming the
 * field, and nothing is stored since the outbox write is part of the change's transaction.
 */
function contractBody(violation: ContractViolation, requestId: string | undefined): ErrorBody {
  const details = violation.fields.map((f) => ({
    field: f.path.split('/').filter(Boolean).at(-1) ?? 'body',
    message: CONTRACT_MESSAGES[f.keyword] ?? 'tidak valid',
  }));
  return {
    statusCode: 422,
    error: STATUS_TEXT[422],
    message: `Data tidak dapat disimpan: ${details.map((d) => `${d.field} ${d.message}`).join('; ') || 'tidak memenuhi kontrak data'}`,
    details,
    requestId,
  };
}

function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException)) return false;
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null && 'details' in response && (response as { status?: unknown }).status === 'error';
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isHealthReport(exception)) {
      // /health/ready's 503 names the failed checks, for orchestrators and operators, but not their
      // details (addresses, error texts, counts): the gateway's health is reachable from outside.
      const report = exception.getResponse() as { details: Record<string, { status: string }> };
      this.logger.warn({ checks: report.details }, 'not ready');
      const checks = Object.fromEntries(Object.entries(report.details).map(([name, check]) => [name, check.status]));
      void reply.status(exception.getStatus()).send({ status: 'error', checks });
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500 || exception instanceof ContractViolation) this.logger.error({ err: exception }, 'request failed');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    return errorBodyOf(exception);
  }
}

/** The platform's error body for anything thrown, for handlers outside Nest (the gateway's proxy). */
export function errorBodyOf(exception: unknown): ErrorBody {
  const requestId = requestContext.getStore()?.requestId;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse() as string | { message?: unknown; details?: FieldProblem[]; info?: Record<string, unknown> };
    const raw = typeof response === 'string' ? response : response.message;
    // Only our own ApiError carries staff-facing words; Nest's and terminus's messages are English.
    const message = typeof raw === 'string' && exception instanceof ApiError ? raw : (FRAMEWORK_MESSAGES[status] ?? 'Permintaan ditolak');
    const details = typeof response === 'object' ? response.details : undefined;
    const info = typeof response === 'object' && exception instanceof ApiError ? response.info : undefined;
    return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, ...(details ? { details } : {}), ...(info ? { info } : {}), requestId };
  }
  if (exception instanceof ContractViolation) return contractBody(exception, requestId);
  return frameworkErrorBody(exception, requestId);
}

/** Fastify's own errors (malformed JSON, body too large, a bad URL) carry a statusCode and a code. */
export function frameworkErrorBody(exception: unknown, requestId: string | undefined): ErrorBody {
  const statusCode = (exception as { statusCode?: number }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const problem = FASTIFY_MESSAGES[(exception as { code?: string }).code ?? ''];
    const message = problem
      ? `${FRAMEWORK_MESSAGES[statusCode] ?? 'Permintaan ditolak'}: ${problem.field} ${problem.message}`
      : (FRAMEWORK_MESSAGES[statusCode] ?? 'Permintaan ditolak');
    return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...(problem ? { details: [problem] } : {}), requestId };
  }
  return { statusCode: 500, error: STATUS_TEXT[500], message: 'Terjadi kesalahan pada server; silakan coba lagi', requestId };
}

/**
 * A request Node's HTTP parser refused before any route saw it (headers too large, a malformed request
 * line, a slow client), answered in the platform's body on the raw socket.
 */
export function clientErrorResponse(code: string | undefined): string {
  const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({
    statusCode: status,
    error: STATUS_TEXT[status],
    message: FRAMEWORK_MESSAGES[status] ?? 'Permintaan tidak valid',
    requestId: randomUUID(),
  } satisfies ErrorBody);
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`;
}

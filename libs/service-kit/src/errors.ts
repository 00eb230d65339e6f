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

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
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
  413: 'Isi permintaan terlalu besar',
  415: 'Jenis isi permintaan tidak didukung',
};

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
      // /health/ready's 503 keeps terminus's report: orchestrators and operators read which check failed.
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error({ err: exception }, 'request failed');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const requestId = requestContext.getStore()?.requestId;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as string | { message?: unknown; details?: FieldProblem[]; info?: Record<string, unknown> };
      const raw = typeof response === 'string' ? response : response.message;
      const message = typeof raw === 'string' && exception instanceof ApiError ? raw : (FRAMEWORK_MESSAGES[status] ?? (typeof raw === 'string' ? raw : 'Permintaan ditolak'));
      const details = typeof response === 'object' ? response.details : undefined;
      const info = typeof response === 'object' && exception instanceof ApiError ? response.info : undefined;
      return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, ...(details ? { details } : {}), ...(info ? { info } : {}), requestId };
    }
    // Fastify's own errors (malformed JSON, body too large) carry a statusCode.
    const statusCode = (exception as { statusCode?: number }).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      const detail = statusCode === 400 ? `: ${(exception as Error).message}` : '';
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: `${FRAMEWORK_MESSAGES[statusCode] ?? 'Permintaan ditolak'}${detail}`, requestId };
    }
    return { statusCode: 500, error: STATUS_TEXT[500], message: 'Terjadi kesalahan pada server; silakan coba lagi', requestId };
  }
}

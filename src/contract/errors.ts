/**
 * Real failures carry a stable dotted code and a plain sentence a user can read.
 * Expected outcomes (a failed validation, a refused role) are values, not AppErrors.
 */
export type ErrorCode =
  | 'config.invalid'
  | 'input.not_pdf'
  | 'input.empty'
  | 'input.too_large'
  | 'input.too_many_pages'
  /** The upload's bytes are in no file storage this process can read and cannot be fetched again (issue 18). */
  | 'input.file_unavailable'
  | 'extraction.corrupt_pdf'
  | 'extraction.encrypted_pdf'
  | 'extraction.no_margin_data'
  | 'extraction.timeout'
  | 'extraction.too_complex'
  | 'extraction.ocr_failed'
  | 'download.failed'
  | 'download.refused'
  | 'storage.failed'
  /** The key names no file in file storage (the archive check tells missing from unreadable). */
  | 'storage.not_found'
  | 'store.unavailable'
  | 'chat.api_failed'
  | 'command.usage'
  | 'internal';

/** Codes that mean the input itself is unusable: never retried, exit 2 from the CLI. */
const INPUT_CODES = new Set<ErrorCode>([
  'input.not_pdf',
  'input.empty',
  'input.too_large',
  'input.too_many_pages',
  'input.file_unavailable',
  'extraction.corrupt_pdf',
  'extraction.encrypted_pdf',
  'extraction.no_margin_data',
  'extraction.timeout',
  'extraction.too_complex',
  'download.refused',
  'command.usage',
  'config.invalid',
]);

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }

  /** True when retrying cannot help: the input is bad. */
  get permanent(): boolean {
    return INPUT_CODES.has(this.code);
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

/** One place that turns anything thrown into an AppError, for error boundaries. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('internal', message, { cause: err });
}

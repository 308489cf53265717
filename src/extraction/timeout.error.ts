import { AppError } from '../contract/errors.ts';

export function timeoutError(): AppError {
  return new AppError('extraction.timeout', 'Reading this PDF took too long, so it was stopped.');
}

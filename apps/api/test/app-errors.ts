import { AppError } from '../src/common/app-error.js';

/** What a check threw, as `CODE:field` ('none' when it passed, 'other' for anything but an AppError). */
export function codeAndField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${String(error.extensions.field)}` : 'other';
  }
  return 'none';
}

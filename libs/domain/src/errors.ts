/**
 * Every rule violation carries a stable code so the API can map it to a GraphQL error code and a
 * Chinese message without parsing English text.
 */
export type DomainErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_SETTINGS'
  | 'INVALID_TRANSITION'
  | 'REASON_REQUIRED'
  | 'DUPLICATE_CALENDAR_CORRECTION';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

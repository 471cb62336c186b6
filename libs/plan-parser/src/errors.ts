export type DocumentReadErrorCode =
  'EMPTY' | 'BINARY' | 'UNSUPPORTED_FORMAT' | 'CORRUPT_DOCX' | 'CORRUPT_PDF' | 'NO_TEXT_LAYER' | 'TOO_LARGE';

/** The one error readers throw: the CLI maps it to exit code 2 with `message` on one line. */
export class DocumentReadError extends Error {
  constructor(
    readonly code: DocumentReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

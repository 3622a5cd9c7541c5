/** Error codes every transport returns; the renderer switches on these, never on messages. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  /** No signed-in account (never signed in, signed out, locked, or the app restarted): sign in again. */
  | 'UNAUTHENTICATED'
  | 'NOT_SET_UP'
  | 'UNKNOWN_CHANNEL'
  | 'DOMAIN'
  /** The data file stayed locked by another program past the wait and the retries; nothing was written. */
  | 'BUSY'
  | 'INTERNAL';

export interface FieldError {
  /** Dotted path into the input, e.g. `idNumber` or `attendance.3.reason`. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** A finer, stable reason for domain errors, e.g. `ORG_HAS_MEMBERS`. */
  reason?: string;
  fields?: FieldError[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** A failure the user can act on; thrown by handlers, turned into an envelope by the router. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what}不存在或已被删除`);

export const fieldError = (path: string, message: string): DomainError =>
  new DomainError('VALIDATION', message, undefined, [{ path, message }]);

/** Raised on the client side so callers can `catch` and read `body`. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

import type { FieldIssue } from '../schemas/rules.js';
import type { Problem } from '../schemas/problem.js';

/**
 * Base of every error the client throws. Callers that must work across realms (an element in an
 * iframe, two copies of core on a page) use the `is…` guards, which compare `name`, never
 * `instanceof`.
 */
export class ClientelaError extends Error {
  override name = 'ClientelaError';
}

/**
 * The server answered with an error status. `problem` is the RFC 9457 body (extensions kept);
 * `retryAfter` is the `Retry-After` header in seconds, when the server sent one (429, 503).
 *
 * @example
 * try { await client.customers.retrieve(id); } catch (e) { if (isApiError(e)) show(e.message, e.status); }
 */
export class ApiError extends ClientelaError {
  override name = 'ApiError';
  /** The HTTP status. */
  readonly status: number;
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | undefined;

  constructor(
    /** The problem+json body (synthesized from the status when the server sent none). */
    readonly problem: Problem,
    retryAfter?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.retryAfter = retryAfter;
  }
}

/**
 * 400 or 422: the input was refused. `fieldErrors` maps a dotted path (`address.postalCode`) to
 * its messages, ready for a form; `problem.errors` keeps the codes.
 *
 * @example
 * if (isValidationError(e)) form.showErrors(e.fieldErrors); // { document: ['CPF inválido.'] }
 */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  /** Messages by field path; `''` holds errors about the whole body. */
  readonly fieldErrors: Record<string, string[]> = {};

  constructor(problem: Problem, retryAfter?: number) {
    super(problem, retryAfter);
    for (const { path, message } of problem.errors ?? []) (this.fieldErrors[path] ??= []).push(message);
  }
}

/**
 * 409: a conflict, such as a duplicate document. `existingId` names the customer that already
 * holds the document, when the server says so.
 *
 * @example
 * if (isConflictError(e) && e.existingId) openCustomer(e.existingId);
 */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
  /** The id of the record that already exists. */
  readonly existingId: string | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem, retryAfter);
    const id = problem['existingId'];
    this.existingId = typeof id === 'string' ? id : undefined;
  }
}

/**
 * 412: the record changed since it was read (`If-Match` no longer matches). `current` is the
 * server's record now, parsed, so a UI can offer "reload" (show `current`) or "overwrite" (update
 * again with `ifMatch: current`).
 *
 * @example
 * catch (e) { if (isPreconditionFailedError(e)) await client.customers.update(e.current!, patch); }
 */
export class PreconditionFailedError<T = unknown> extends ApiError {
  override name = 'PreconditionFailedError';

  constructor(
    problem: Problem,
    /** The current server record, or `undefined` when the server did not send a valid one. */
    readonly current: T | undefined,
    retryAfter?: number,
  ) {
    super(problem, retryAfter);
  }
}

/** 428: a write that needs `If-Match` was sent without one. */
export class PreconditionRequiredError extends ApiError {
  override name = 'PreconditionRequiredError';
}

/** 404: no such record (or route). */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/** 401 or 403: the key is missing, wrong, or not allowed here (a `pk_` key on a secret route). */
export class AuthError extends ApiError {
  override name = 'AuthError';
}

/** 429: too many requests; wait `retryAfter` seconds. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}

/** The request never got an answer: offline, DNS, CORS refused, connection reset. */
export class NetworkError extends ClientelaError {
  override name = 'NetworkError';
}

/** No answer within the timeout (the client's default or the call's `timeout`). */
export class TimeoutError extends ClientelaError {
  override name = 'TimeoutError';
}

/**
 * The server answered 2xx with a body that does not match core's schema. `issues` name the paths
 * (`items.3.email`), so a contract drift is reported where it happens, not as an `undefined` deep
 * inside a component.
 */
export class ResponseValidationError extends ClientelaError {
  override name = 'ResponseValidationError';

  constructor(
    message: string,
    /** What did not match, path by path. */
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

const API_ERRORS = [
  'ApiError',
  'ValidationError',
  'ConflictError',
  'PreconditionFailedError',
  'PreconditionRequiredError',
  'NotFoundError',
  'AuthError',
  'RateLimitError',
];

function guard<T>(...names: string[]) {
  return (error: unknown): error is T =>
    typeof error === 'object' && error !== null && names.includes((error as { name?: string }).name!);
}

/** True for any error thrown by the client (by `name`, so it works across realms). */
export const isClientelaError = guard<ClientelaError>(
  'ClientelaError',
  'NetworkError',
  'TimeoutError',
  'ResponseValidationError',
  ...API_ERRORS,
);
/** True for any error status from the server, whatever its subclass. */
export const isApiError = guard<ApiError>(...API_ERRORS);
/** True for a 400/422 {@link ValidationError}. */
export const isValidationError = guard<ValidationError>('ValidationError');
/** True for a 409 {@link ConflictError}. */
export const isConflictError = guard<ConflictError>('ConflictError');
/** True for a 412 {@link PreconditionFailedError}. */
export const isPreconditionFailedError = guard<PreconditionFailedError>('PreconditionFailedError');
/** True for a 428 {@link PreconditionRequiredError}. */
export const isPreconditionRequiredError = guard<PreconditionRequiredError>('PreconditionRequiredError');
/** True for a 404 {@link NotFoundError}. */
export const isNotFoundError = guard<NotFoundError>('NotFoundError');
/** True for a 401/403 {@link AuthError}. */
export const isAuthError = guard<AuthError>('AuthError');
/** True for a 429 {@link RateLimitError}. */
export const isRateLimitError = guard<RateLimitError>('RateLimitError');
/** True for a {@link NetworkError}. */
export const isNetworkError = guard<NetworkError>('NetworkError');
/** True for a {@link TimeoutError}. */
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
/** True for a {@link ResponseValidationError}. */
export const isResponseValidationError = guard<ResponseValidationError>('ResponseValidationError');

/**
 * The {@link ApiError} subclass for `problem.status`. A 412's `current` is parsed by the caller,
 * which knows the record's schema.
 */
export function apiErrorFor(problem: Problem, retryAfter?: number, current?: unknown): ApiError {
  switch (problem.status) {
    case 400:
    case 422:
      return new ValidationError(problem, retryAfter);
    case 401:
    case 403:
      return new AuthError(problem, retryAfter);
    case 404:
      return new NotFoundError(problem, retryAfter);
    case 409:
      return new ConflictError(problem, retryAfter);
    case 412:
      return new PreconditionFailedError(problem, current, retryAfter);
    case 428:
      return new PreconditionRequiredError(problem, retryAfter);
    case 429:
      return new RateLimitError(problem, retryAfter);
    default:
      return new ApiError(problem, retryAfter);
  }
}

import type { Reply } from './http.js';

/** A failed expectation: the message says what the contract wanted and what came back. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

function excerpt(reply: Reply): string {
  const text = reply.text.replace(/\s+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The reply has this status (or one of these), else a failure naming the request and the body. */
export function expectStatus(reply: Reply, expected: number | readonly number[]): void {
  const list = typeof expected === 'number' ? [expected] : expected;
  if (!list.includes(reply.status)) {
    throw new CheckFailure(`${reply.method} ${reply.path}: expected ${list.join(' or ')}, got ${reply.status}${reply.text ? `: ${excerpt(reply)}` : ''}`);
  }
}

/**
 * An RFC 9457 problem: `application/problem+json`, `type`, `title`, `status` equal to the HTTP
 * status, `detail`, and `errors` as `[{ path, code, message }]` when present.
 */
export function expectProblem(reply: Reply, status: number): void {
  expectStatus(reply, status);
  const type = reply.headers.get('content-type') ?? '';
  expect(type.startsWith('application/problem+json'), `${reply.method} ${reply.path}: Content-Type is "${type}", expected application/problem+json`);
  const p = reply.json as Record<string, unknown> | undefined;
  expect(p && typeof p === 'object', `${reply.method} ${reply.path}: the problem body is not a JSON object`);
  expect(typeof p.type === 'string' && p.type.length > 0, 'problem without a `type` string');
  expect(typeof p.title === 'string' && p.title.length > 0, 'problem without a `title` string');
  expect(p.status === status, `problem \`status\` is ${String(p.status)}, the response is ${status}`);
  expect(typeof p.detail === 'string', 'problem without a `detail` string');
  if (p.errors !== undefined) {
    expect(Array.isArray(p.errors), 'problem `errors` is not an array');
    for (const e of p.errors as Record<string, unknown>[]) {
      expect(typeof e.path === 'string' && typeof e.code === 'string' && typeof e.message === 'string' && e.message.length > 0, `problem error ${JSON.stringify(e)} lacks path, code or message`);
    }
  }
}

/** A 422 (or `status`) problem whose `errors` hold `code` at `path`. */
export function expectFieldError(reply: Reply, path: string, code: string, status = 422): void {
  expectProblem(reply, status);
  const errors = (reply.json.errors ?? []) as { path: string; code: string }[];
  expect(
    errors.some((e) => e.path === path && e.code === code),
    `${reply.method} ${reply.path}: expected error ${code} at ${path}, got ${JSON.stringify(errors.map((e) => `${e.code}@${e.path}`))}`,
  );
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  expect(a === e, `${what}: expected ${e}, got ${a}`);
}

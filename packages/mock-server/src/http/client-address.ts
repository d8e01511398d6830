import type { Context } from 'hono';
import type { AppEnv } from '../openapi/define-route.js';

/** The address a request came from (the socket's; behind a proxy, the first `X-Forwarded-For`), for per-address limits. */
export function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ?? 'local';
}

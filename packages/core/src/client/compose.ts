import { ChangeFeed } from './changes.js';
import { createTransport, type ClientOptions, type ResponseCheck, type Transport } from './request.js';

/** A resource of the client: its methods, made from the transport and the change feed. */
export type Resource = (t: Transport, feed: ChangeFeed) => object;

/** What {@link composeClient} returns: the resources asked for, and the change feed. */
export type ComposedClient<R extends Record<string, Resource>> = { [K in keyof R]: ReturnType<R[K]> } & { changes: ChangeFeed };

/**
 * A client of only some resources, as modular SDKs are made: a bundle holds only the calls, and
 * the code behind them, of the resources named. Without `check` the answers are not checked
 * against core's schemas (trusting the server's contract, so neither the schemas nor zod are
 * bundled); pass `checkResponse` (from `@clientela/core/client`) to check them as `createClient`
 * does. The result is a structural part of `createClient`'s, so code written against
 * `ClientelaClient` works with it for the resources it has.
 *
 * @example
 * import { categoriesResource, composeClient } from '@clientela/core/client';
 * const client = composeClient({ baseUrl, apiKey }, { categories: categoriesResource });
 * const active = await client.categories.list({ status: 'active' });
 */
export function composeClient<R extends Record<string, Resource>>(options: ClientOptions & { check?: ResponseCheck }, resources: R): ComposedClient<R> {
  const t = createTransport(options, options.check);
  const changes = new ChangeFeed();
  const client: Record<string, unknown> = { changes };
  for (const [name, make] of Object.entries(resources)) client[name] = make(t, changes);
  return client as ComposedClient<R>;
}

import type { Customer } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';

/**
 * Who signs in with an e-mail. Rule: an e-mail (trimmed, compared lowercase) belongs to at most
 * one account that can sign in. The binding is written when a password is set (registration with
 * a password, or an invitation used), and an invitation binds to the customer it was issued for,
 * so nobody who registered someone else's e-mail first can keep the sign-in.
 */

interface LoginBinding {
  customerId: string;
}

export function loginEmail(email: string): string {
  return email.trim().toLowerCase();
}

function bindingKey(email: string): string {
  return `login:${loginEmail(email)}`;
}

export function credentialKey(customerId: string): string {
  return `cred:${customerId}`;
}

/** A customer that may sign in: not blocked or deleted. */
function maySignIn(c: Customer | undefined): c is Customer {
  return !!c && (c.status === 'active' || c.status === 'inactive');
}

export interface Account {
  customer: Customer;
  /** The stored scrypt hash. */
  hash: string;
}

/**
 * The account that signs in with `email`, if any: the customer the e-mail is bound to, as long as
 * it still holds that e-mail, may sign in and has a password. Records written before bindings
 * existed fall back to the one customer with this e-mail and a password; when several have one,
 * nobody signs in until an invitation settles it (guessing would hand the account to whoever
 * registered first).
 */
export async function accountForEmail(ctx: ServerContext, email: string): Promise<Account | undefined> {
  const norm = loginEmail(email);
  const withHash = async (c: Customer | undefined): Promise<Account | undefined> => {
    if (!maySignIn(c) || loginEmail(c.email ?? '') !== norm) return undefined;
    const hash = await ctx.store.getMeta<string>(credentialKey(c.id));
    return hash ? { customer: c, hash } : undefined;
  };
  const bound = await ctx.store.getMeta<LoginBinding>(bindingKey(norm));
  if (bound) {
    const account = await withHash(await ctx.store.getCustomer(bound.customerId));
    if (account) return account;
  }
  const holders: Account[] = [];
  for (const c of await ctx.store.findByEmail(norm)) {
    const account = await withHash(c);
    if (account) holders.push(account);
  }
  return holders.length === 1 ? holders[0] : undefined;
}

/** Whether a customer that is not deleted already uses this e-mail. */
export async function emailInUse(ctx: ServerContext, email: string): Promise<boolean> {
  return (await ctx.store.findByEmail(loginEmail(email))).length > 0;
}

/**
 * Stores `hash` as the customer's password and binds the customer's e-mail to it (moving the
 * binding away from any other account). Call inside a store transaction.
 */
export async function setCredential(ctx: ServerContext, customer: Customer, hash: string): Promise<void> {
  await ctx.store.setMeta(credentialKey(customer.id), hash);
  if (customer.email) await ctx.store.setMeta(bindingKey(customer.email), { customerId: customer.id } satisfies LoginBinding);
}

/**
 * After a signed-in shopper changed their own e-mail: the sign-in follows it (the old e-mail no
 * longer signs in to this account). Call inside a store transaction.
 */
export async function moveLogin(ctx: ServerContext, customer: Customer, previousEmail: string | undefined): Promise<void> {
  if (previousEmail) {
    const old = await ctx.store.getMeta<LoginBinding>(bindingKey(previousEmail));
    if (old?.customerId === customer.id) await ctx.store.deleteMeta(bindingKey(previousEmail));
  }
  if (customer.email) await ctx.store.setMeta(bindingKey(customer.email), { customerId: customer.id } satisfies LoginBinding);
}

import { customerDisplayName } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import { PASSWORD_RESET_TTL_MINUTES, type AccountLinkSettings, type Customer } from '@clientela/core/schemas';
import { inTransaction, newId, sha256, type ServerContext } from '../context.js';
import type { StoredMessageBatch, StoredRecipient } from '../store/types.js';
import { accountForEmail, credentialKey, loginEmail } from './accounts.js';
import { issueInvitation } from './invitations.js';
import { addressFor, transactionalSkipReason } from './messages.js';

// "Esqueci minha senha": who a recovery link goes to, how often one may be asked for, and the
// e-mail that carries it through the outbox (a service message: no marketing consent needed).

const HOUR = 3_600_000;
/** Requests per e-mail, and per client address, in an hour: more answer 429, whether or not an account holds the e-mail. */
export const RESET_LIMITS = { perEmail: 3, perAddress: 20, windowMs: HOUR } as const;
export const ACCOUNT_LINKS_KEY = 'settings:account-links';

export async function accountLinkSettings(ctx: ServerContext): Promise<AccountLinkSettings> {
  return (await ctx.store.getMeta<AccountLinkSettings>(ACCOUNT_LINKS_KEY)) ?? { accountUrl: null };
}

/**
 * Counts one request against the e-mail's and the address's hourly limits; returns the seconds to
 * wait when either is spent (0: go on). Kept in the store, so every process shares the counts.
 */
export async function takeResetAllowance(ctx: ServerContext, email: string, address: string): Promise<number> {
  const now = ctx.now();
  const end = new Date(now.getTime() + RESET_LIMITS.windowMs).toISOString();
  const byEmail = await ctx.store.countHit(`reset-email:${sha256(loginEmail(email))}`, now.toISOString(), end);
  const byAddress = await ctx.store.countHit(`reset-addr:${sha256(address)}`, now.toISOString(), end);
  const over = [byEmail.count > RESET_LIMITS.perEmail ? byEmail.resetAt : '', byAddress.count > RESET_LIMITS.perAddress ? byAddress.resetAt : ''].filter(Boolean).sort().at(-1);
  return over ? Math.max(1, Math.ceil((Date.parse(over) - now.getTime()) / 1000)) : 0;
}

/**
 * The customer a recovery link for `email` goes to, and why: the account that signs in with it
 * (`reset`), or — scenario 4, a customer brought from another platform without a password — the
 * one customer with this e-mail who has no password yet and may have one (`first-access`). None
 * when nobody, or more than one customer, could claim it, or the account waits for approval.
 */
export async function recoveryTarget(ctx: ServerContext, email: string): Promise<{ customer: Customer; purpose: 'reset' | 'first-access' } | undefined> {
  const account = await accountForEmail(ctx, email);
  if (account) return account.customer.account.status === 'active' ? { customer: account.customer, purpose: 'reset' } : undefined;
  const candidates: Customer[] = [];
  for (const c of await ctx.store.findByEmail(loginEmail(email))) {
    if (c.status !== 'active' && c.status !== 'inactive') continue;
    if (c.account.status !== 'none' && c.account.status !== 'invited') continue;
    if (await ctx.store.getMeta<string>(credentialKey(c.id))) continue;
    candidates.push(c);
  }
  return candidates.length === 1 ? { customer: candidates[0]!, purpose: 'first-access' } : undefined;
}

const TEXTS: Record<Locale, { subject: Record<'reset' | 'first-access', string>; text: (name: string, link: string, purpose: 'reset' | 'first-access') => string }> = {
  'pt-BR': {
    subject: { reset: 'Redefinição de senha', 'first-access': 'Primeiro acesso: cadastre sua senha' },
    text: (name, link, purpose) =>
      `Olá, ${name}.\n\n${purpose === 'reset' ? 'Recebemos um pedido para redefinir a senha da sua conta.' : 'A loja mudou de plataforma. No primeiro acesso, cadastre uma nova senha.'} Abra o link abaixo para cadastrar a senha. Ele vale por ${PASSWORD_RESET_TTL_MINUTES} minutos e pode ser usado uma vez:\n\n${link}\n\nSe você não pediu, ignore este e-mail: nada muda na sua conta.`,
  },
  en: {
    subject: { reset: 'Password reset', 'first-access': 'First access: set your password' },
    text: (name, link, purpose) =>
      `Hello, ${name}.\n\n${purpose === 'reset' ? 'We received a request to reset the password of your account.' : 'The store moved to a new platform. On your first access, set a new password.'} Open the link below to set the password. It works for ${PASSWORD_RESET_TTL_MINUTES} minutes and only once:\n\n${link}\n\nIf you did not ask for it, ignore this e-mail: nothing changes in your account.`,
  },
  es: {
    subject: { reset: 'Restablecimiento de contraseña', 'first-access': 'Primer acceso: crea tu contraseña' },
    text: (name, link, purpose) =>
      `Hola, ${name}.\n\n${purpose === 'reset' ? 'Recibimos una solicitud para restablecer la contraseña de tu cuenta.' : 'La tienda cambió de plataforma. En el primer acceso, crea una nueva contraseña.'} Abre el enlace de abajo para crear la contraseña. Vale por ${PASSWORD_RESET_TTL_MINUTES} minutos y se puede usar una vez:\n\n${link}\n\nSi no lo pediste, ignora este correo: nada cambia en tu cuenta.`,
  },
};

/**
 * Sends the recovery link for `email`, if it has someone to go to: a new single-use token (which
 * voids the customer's older links and invitations) and one e-mail in the outbox, in one
 * transaction. Runs after the request was answered, so the answer neither says nor shows by its
 * timing whether the e-mail has an account. Returns whether a message was queued.
 */
export async function sendRecoveryLink(ctx: ServerContext, email: string, locale: Locale): Promise<boolean> {
  const { accountUrl } = await accountLinkSettings(ctx);
  if (!accountUrl) return false;
  const target = await recoveryTarget(ctx, email);
  if (!target || transactionalSkipReason(target.customer, 'email')) return false;
  return inTransaction(ctx, async (t) => {
    const customer = (await t.store.getCustomer(target.customer.id)) ?? target.customer;
    const to = addressFor(customer, 'email');
    if (!to) return false;
    const { token } = await issueInvitation(t, customer, PASSWORD_RESET_TTL_MINUTES * 60_000);
    const link = new URL(accountUrl);
    link.searchParams.set('token', token);
    link.searchParams.set('purpose', target.purpose);
    const words = TEXTS[locale];
    const subject = words.subject[target.purpose];
    const text = words.text(customerDisplayName(customer), link.toString(), target.purpose);
    const at = t.now().toISOString();
    const messageId = newId('msg');
    const row: Omit<StoredRecipient, 'seq'> = {
      id: newId('mr'),
      messageId,
      customerId: customer.id,
      customerName: customerDisplayName(customer),
      channel: 'email',
      status: 'queued',
      attempts: 0,
      transactional: true,
      subject,
      text,
      createdAt: at,
      updatedAt: at,
      nextAttemptAt: at,
    };
    const batch: Omit<StoredMessageBatch, 'seq'> = {
      id: messageId,
      channel: 'email',
      subject,
      text: words.text('{{nome}}', '…', target.purpose),
      counts: { matched: 1, recipients: 1, noConsent: 0, noContact: 0, inactive: 0 },
      createdBy: { keyId: 'account-recovery' },
      transactional: true,
      createdAt: at,
    };
    await t.store.insertMessageBatch(batch, [row]);
    return true;
  });
}

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

/**
 * What an access link is for. `reset` and `first-access` answer "Esqueci minha senha"; a
 * storefront registration with data the store already holds (#18 §3) sends `claim` (a record
 * without a password: finish by setting one) or `registered` (an account: sign in, or set a new
 * password). `registered` opens the page as a reset does.
 */
export type AccessPurpose = 'reset' | 'first-access' | 'claim' | 'registered';

interface LinkWords {
  subject: Record<AccessPurpose, string>;
  lead: Record<AccessPurpose, string>;
  text: (name: string, lead: string, link: string) => string;
}

const TEXTS: Record<Locale, LinkWords> = {
  'pt-BR': {
    subject: { reset: 'Redefinição de senha', 'first-access': 'Primeiro acesso: cadastre sua senha', claim: 'Conclua seu cadastro', registered: 'Você já tem cadastro na loja' },
    lead: {
      reset: 'Recebemos um pedido para redefinir a senha da sua conta.',
      'first-access': 'A loja mudou de plataforma. No primeiro acesso, cadastre uma nova senha.',
      claim: 'Recebemos um cadastro na loja com os seus dados, que a loja já tinha (de uma compra na loja física, de um vendedor ou de uma importação). Para concluir, cadastre uma senha: seus pedidos, créditos e dados continuam no mesmo cadastro.',
      registered: 'Recebemos um cadastro na loja com os seus dados, mas você já tem uma conta: entre com sua senha. Se não lembra dela, cadastre uma nova.',
    },
    text: (name, lead, link) =>
      `Olá, ${name}.\n\n${lead} Abra o link abaixo para cadastrar a senha. Ele vale por ${PASSWORD_RESET_TTL_MINUTES} minutos e pode ser usado uma vez:\n\n${link}\n\nSe você não pediu, ignore este e-mail: nada muda na sua conta.`,
  },
  en: {
    subject: { reset: 'Password reset', 'first-access': 'First access: set your password', claim: 'Finish your registration', registered: 'You already have an account at the store' },
    lead: {
      reset: 'We received a request to reset the password of your account.',
      'first-access': 'The store moved to a new platform. On your first access, set a new password.',
      claim: 'We received a registration at the store with your details, which the store already had (from an in-store purchase, a seller or an import). To finish, set a password: your orders, credits and details stay on the same record.',
      registered: 'We received a registration at the store with your details, but you already have an account: sign in with your password. If you do not remember it, set a new one.',
    },
    text: (name, lead, link) =>
      `Hello, ${name}.\n\n${lead} Open the link below to set the password. It works for ${PASSWORD_RESET_TTL_MINUTES} minutes and only once:\n\n${link}\n\nIf you did not ask for it, ignore this e-mail: nothing changes in your account.`,
  },
  es: {
    subject: { reset: 'Restablecimiento de contraseña', 'first-access': 'Primer acceso: crea tu contraseña', claim: 'Completa tu registro', registered: 'Ya tienes cuenta en la tienda' },
    lead: {
      reset: 'Recibimos una solicitud para restablecer la contraseña de tu cuenta.',
      'first-access': 'La tienda cambió de plataforma. En el primer acceso, crea una nueva contraseña.',
      claim: 'Recibimos un registro en la tienda con tus datos, que la tienda ya tenía (de una compra en la tienda física, de un vendedor o de una importación). Para completarlo, crea una contraseña: tus pedidos, créditos y datos siguen en el mismo registro.',
      registered: 'Recibimos un registro en la tienda con tus datos, pero ya tienes una cuenta: ingresa con tu contraseña. Si no la recuerdas, crea una nueva.',
    },
    text: (name, lead, link) =>
      `Hola, ${name}.\n\n${lead} Abre el enlace de abajo para crear la contraseña. Vale por ${PASSWORD_RESET_TTL_MINUTES} minutos y se puede usar una vez:\n\n${link}\n\nSi no lo pediste, ignora este correo: nada cambia en tu cuenta.`,
  },
};

/**
 * Sends the recovery link for `email`, if it has someone to go to. Runs after the request was
 * answered, so the answer neither says nor shows by its timing whether the e-mail has an account.
 * Returns whether a message was queued.
 */
export async function sendRecoveryLink(ctx: ServerContext, email: string, locale: Locale): Promise<boolean> {
  const { accountUrl } = await accountLinkSettings(ctx);
  if (!accountUrl) return false;
  const target = await recoveryTarget(ctx, email);
  if (!target) return false;
  return queueAccessLink(ctx, target.customer.id, target.purpose, locale, accountUrl);
}

/**
 * Queues one access link for a customer: a new single-use token (which voids the customer's older
 * links and invitations) and one e-mail in the outbox to the address on file, in one transaction
 * — with `alsoStore`, whatever else must be kept with the token (a claim's consent). Returns false
 * (and writes nothing) when the customer cannot get one (no e-mail, blocked, deleted).
 */
export async function queueAccessLink(
  ctx: ServerContext,
  customerId: string,
  purpose: AccessPurpose,
  locale: Locale,
  accountUrl: string,
  alsoStore?: (t: ServerContext, tokenHash: string, expiresAt: string) => Promise<void>,
): Promise<boolean> {
  return inTransaction(ctx, async (t) => {
    const customer = await t.store.getCustomer(customerId);
    if (!customer || transactionalSkipReason(customer, 'email')) return false;
    const to = addressFor(customer, 'email');
    if (!to) return false;
    const { token, expiresAt } = await issueInvitation(t, customer, PASSWORD_RESET_TTL_MINUTES * 60_000);
    await alsoStore?.(t, sha256(token), expiresAt);
    const link = new URL(accountUrl);
    link.searchParams.set('token', token);
    link.searchParams.set('purpose', purpose === 'registered' ? 'reset' : purpose);
    const words = TEXTS[locale];
    const subject = words.subject[purpose];
    const text = words.text(customerDisplayName(customer), words.lead[purpose], link.toString());
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
      text: words.text('{{nome}}', words.lead[purpose], '…'),
      counts: { matched: 1, recipients: 1, noConsent: 0, noContact: 0, inactive: 0 },
      createdBy: { keyId: purpose === 'claim' || purpose === 'registered' ? 'registration-claim' : 'account-recovery' },
      transactional: true,
      createdAt: at,
    };
    await t.store.insertMessageBatch(batch, [row]);
    return true;
  });
}

import { createTransport, type Transporter } from 'nodemailer';
import { messageHtml } from '@clientela/core/format';
import { ProviderError, type MessageProvider, type OutgoingMessage, type ProviderReceipt } from '../service/message-providers.js';

/** Where and as whom the SMTP provider sends. */
export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender, `"Loja Exemplo" <contato@loja.com.br>`. */
  from: string;
  /** The domain of the `Message-ID`s (default: the sender's). */
  messageIdDomain?: string;
  /** Milliseconds to wait for the server at each step (default 10 s; a dispatcher's lease must outlast it). */
  timeoutMs?: number;
  /** Accept a self-signed certificate (a server on loopback in tests). */
  allowSelfSigned?: boolean;
}

/**
 * E-mail over SMTP (nodemailer: the maintained implementation of SMTP, STARTTLS, authentication
 * and MIME encoding, so accented subjects and bodies reach every client intact). Each message has a
 * plain-text part and an HTML part escaped from it, and a `Message-ID` made from the outbox row's
 * id: a copy sent again after a lease lapsed carries the same id, which receiving systems use to
 * drop duplicates. A 5xx answer is permanent (not retried); anything else is retried by the
 * dispatcher.
 *
 * @example
 * const smtp = new SmtpProvider({ host: 'smtp.loja.com.br', port: 587, from: 'Loja <contato@loja.com.br>' });
 * createApp({ messages: { providers: { email: smtp } } });
 */
export class SmtpProvider implements MessageProvider {
  readonly name = 'smtp';
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #domain: string;

  constructor(options: SmtpOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.#transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure ?? false,
      ...(options.auth ? { auth: options.auth } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(options.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    });
    this.#from = options.from;
    this.#domain = options.messageIdDomain ?? /@([^>\s]+)/.exec(options.from)?.[1] ?? 'clientela.local';
  }

  async send(message: OutgoingMessage): Promise<ProviderReceipt> {
    const messageId = `<${message.id}@${this.#domain}>`;
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        html: messageHtml(message.text),
        messageId,
        headers: { 'X-Clientela-Message': message.id },
      });
      if (info.rejected.length) throw new ProviderError(`rejected: ${info.response}`, true);
      return { delivered: false, providerMessageId: info.messageId };
    } catch (e) {
      if (e instanceof ProviderError) throw e;
      const code = (e as { responseCode?: number }).responseCode;
      throw new ProviderError(e instanceof Error ? e.message : String(e), code !== undefined && code >= 500);
    }
  }

  /** Closes pooled connections. */
  close(): void {
    this.#transport.close();
  }
}

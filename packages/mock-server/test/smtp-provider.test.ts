import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpProvider } from '../src/platform/smtp-provider.js';
import { ProviderError } from '../src/service/message-providers.js';

// The SMTP provider against a real SMTP server on loopback (smtp-server, a free port): the
// envelope, the headers, the UTF-8 encoding of accented text, the escaped HTML part, and a 5xx
// refusal reported as permanent.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

async function smtpServer(refuse?: string): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse && address.address === refuse) {
        const e = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(e);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A MIME part's body decoded (quoted-printable or base64, as nodemailer chose). */
function decodedParts(raw: string): string {
  const parts = raw.split(/\r?\n--/);
  return parts
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
        const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return body;
    })
    .join('\n');
}

/** A header's value with RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?') // whitespace between two encoded words is not part of the text
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

const closing: { close(): unknown }[] = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close();
});

describe('SMTP provider', () => {
  it('delivers a UTF-8 message with its headers, a plain part and an escaped HTML part', async () => {
    const server = await smtpServer();
    closing.push(server);
    const smtp = new SmtpProvider({ host: '127.0.0.1', port: server.port, from: '"Loja Ação" <contato@loja.example.com.br>' });
    closing.push(smtp);
    const receipt = await smtp.send({
      id: 'mr_abc123',
      channel: 'email',
      customerId: 'cus_1',
      to: 'joao.conceicao@example.com.br',
      subject: 'Olá, João — promoção de verão ☀',
      text: 'Oi João da Conceição,\n\nSeu crédito: R$ 10,00 <b>até</b> 31/12 & mais.',
    });
    expect(receipt).toEqual({ delivered: false, providerMessageId: '<mr_abc123@loja.example.com.br>' });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.from).toBe('contato@loja.example.com.br');
    expect(mail!.to).toEqual(['joao.conceicao@example.com.br']);
    expect(header(mail!.raw, 'Subject')).toBe('Olá, João — promoção de verão ☀');
    expect(header(mail!.raw, 'From')).toBe('Loja Ação <contato@loja.example.com.br>');
    expect(header(mail!.raw, 'Message-ID')).toBe('<mr_abc123@loja.example.com.br>');
    expect(header(mail!.raw, 'X-Clientela-Message')).toBe('mr_abc123');
    expect(mail!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(mail!.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    const body = decodedParts(mail!.raw);
    expect(body).toContain('Oi João da Conceição,');
    expect(body).toContain('Seu crédito: R$ 10,00 <b>até</b> 31/12 & mais.');
    expect(body).toContain('<p>Seu crédito: R$ 10,00 &lt;b&gt;até&lt;/b&gt; 31/12 &amp; mais.</p>');
    expect(body).not.toContain('<b>até</b> 31/12 &amp;');
  });

  it('reports a refused recipient (5xx) as a permanent error and an unreachable server as a retryable one', async () => {
    const server = await smtpServer('nobody@example.com.br');
    closing.push(server);
    const smtp = new SmtpProvider({ host: '127.0.0.1', port: server.port, from: 'contato@loja.example.com.br' });
    closing.push(smtp);
    const refused = await smtp.send({ id: 'mr_1', channel: 'email', customerId: 'c', to: 'nobody@example.com.br', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect((refused as ProviderError).permanent).toBe(true);
    await server.close();
    const down = await smtp.send({ id: 'mr_2', channel: 'email', customerId: 'c', to: 'a@example.com.br', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ProviderError);
    expect((down as ProviderError).permanent).toBe(false);
  });
});

// A real SMTP server on loopback for the e2e tests: the CLI server is started with
// `--smtp smtp://127.0.0.1:<port>` and the test reads what arrived, by recipient.
import { SMTPServer } from 'smtp-server';

export interface MailInbox {
  /** Give this to the CLI server: `['--smtp', inbox.url, ...]`. */
  url: string;
  /** Every raw message received for `to` so far (none: an empty list). */
  received(to: string): string[];
  /** The n-th message to `to` (0-based), waiting for it, as its decoded text part. */
  text(to: string, n: number): Promise<string>;
  close(): Promise<void>;
}

export async function startMailInbox(): Promise<MailInbox> {
  const inbox = new Map<string, string[]>();
  const waiting = new Map<string, () => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      // Read before answering: the session's envelope is reset once the message is accepted.
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        callback();
        for (const to of recipients) {
          inbox.set(to, [...(inbox.get(to) ?? []), Buffer.concat(chunks).toString('utf8')]);
          waiting.get(to)?.();
        }
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: (to) => inbox.get(to.toLowerCase()) ?? [],
    async text(to, n) {
      const key = to.toLowerCase();
      while ((inbox.get(key)?.length ?? 0) <= n) await new Promise<void>((resolve) => waiting.set(key, resolve));
      return plainText(inbox.get(key)![n]!);
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The text/plain part of a message as nodemailer encodes it (quoted-printable or base64), decoded. */
function plainText(raw: string): string {
  const part = /Content-Type: text\/plain[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*?Content-Transfer-Encoding: (\S+)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
  if (!part) throw new Error(`no text/plain part in the message:\n${raw}`);
  const [, encoding, body] = part as unknown as [string, string, string];
  if (encoding.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding.toLowerCase() === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    return Buffer.from(joined.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body;
}

// Signing and verifying webhook deliveries: `Clientela-Signature: t=<unix seconds>,v1=<hex>`,
// where v1 is HMAC-SHA256 over `<t>.<raw body>` with the endpoint's signing secret. The same
// scheme signs every delivery the server sends (webhook endpoints and message providers), so a
// receiver verifies them all with one call. WebCrypto only: it runs in Node ≥ 20, in browsers,
// and in edge runtimes alike.

/** The header that carries a delivery's signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'Clientela-Signature';

/** How far (in seconds) a delivery's timestamp may be from the receiver's clock by default. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Why a delivery was refused. */
export type WebhookSignatureFailure = 'missing_header' | 'malformed_header' | 'timestamp_outside_tolerance' | 'signature_mismatch' | 'replayed';

/** A delivery whose signature did not verify; `reason` says why, in a stable code. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  readonly reason: WebhookSignatureFailure;

  constructor(reason: WebhookSignatureFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface VerifyWebhookOptions {
  /** Seconds a timestamp may differ from `now` (default 300): it bounds how long a captured delivery can be replayed. */
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds (default `Date.now`). */
  now?: () => number;
  /**
   * Called once the signature verified, with a key unique to this signed delivery; answers
   * whether it was seen before (then the delivery is refused as `replayed`). Use
   * {@link createReplayGuard} in one process, or a check against your own store (for example, a
   * unique index on the event id) when several processes receive.
   */
  seen?: (key: string) => boolean | Promise<boolean>;
}

export interface VerifiedWebhook {
  /** The delivery's timestamp, in unix seconds. */
  timestamp: number;
}

const encoder = new TextEncoder();

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

function signedPayload(timestamp: number, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`);
  const raw = typeof body === 'string' ? encoder.encode(body) : body;
  const out = new Uint8Array(prefix.length + raw.length);
  out.set(prefix);
  out.set(raw, prefix.length);
  return out;
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The `Clientela-Signature` header value for a body sent at `timestamp` (unix seconds).
 *
 * @example
 * const header = await signWebhook(secret, JSON.stringify(event), Math.floor(Date.now() / 1000));
 */
export async function signWebhook(secret: string, body: string | Uint8Array, timestamp: number): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), signedPayload(timestamp, body));
  return `t=${timestamp},v1=${toHex(mac)}`;
}

/** `t` and every `v1` of a header (a header may carry several v1 while a secret is rotated). */
function parseHeader(header: string): { timestamp: number; signatures: Uint8Array<ArrayBuffer>[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      const bytes = fromHex(value);
      if (!bytes || bytes.length !== 32) return undefined;
      signatures.push(bytes);
    }
    // Other schemes (a later v2) are ignored, so a receiver keeps working when they are added.
  }
  return timestamp === undefined || !signatures.length ? undefined : { timestamp, signatures };
}

/**
 * Verifies a delivery: its `Clientela-Signature` header against the RAW request body (before any
 * JSON parsing) and your endpoint's signing secret. Resolves with the delivery's timestamp, or
 * rejects with a {@link WebhookSignatureError} whose `reason` says why: no header, a malformed
 * one, a timestamp outside the tolerance (a replay of an old capture, or a clock that is far
 * off), no v1 signature that matches, or (with `seen`) a delivery already received. The
 * comparison is WebCrypto's own, in constant time.
 *
 * @example
 * // In a Node receiver:
 * const raw = await readBody(req);
 * await verifyWebhookSignature(process.env.CLIENTELA_WEBHOOK_SECRET, req.headers['clientela-signature'], raw);
 * const event = JSON.parse(raw);
 */
export async function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<VerifiedWebhook> {
  if (!header) throw new WebhookSignatureError('missing_header', `No ${WEBHOOK_SIGNATURE_HEADER} header.`);
  const parsed = parseHeader(header);
  if (!parsed) throw new WebhookSignatureError('malformed_header', `The ${WEBHOOK_SIGNATURE_HEADER} header is not t=<seconds>,v1=<64 hex digits>.`);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) {
    throw new WebhookSignatureError('timestamp_outside_tolerance', `The delivery was signed ${nowSeconds - parsed.timestamp} s ago; at most ${tolerance} s are accepted.`);
  }
  const key = await hmacKey(secret, 'verify');
  const payload = signedPayload(parsed.timestamp, body);
  let match: Uint8Array<ArrayBuffer> | undefined;
  for (const signature of parsed.signatures) {
    if (await crypto.subtle.verify('HMAC', key, signature, payload)) {
      match = signature;
      break;
    }
  }
  if (!match) throw new WebhookSignatureError('signature_mismatch', 'No v1 signature matches this body and secret.');
  if (options.seen && (await options.seen(`${parsed.timestamp}.${toHex(match.buffer)}`))) {
    throw new WebhookSignatureError('replayed', 'This delivery was already received.');
  }
  return { timestamp: parsed.timestamp };
}

/**
 * A `seen` check for {@link verifyWebhookSignature} that remembers, in this process, each signed
 * delivery for as long as its timestamp is within the tolerance (after that the timestamp check
 * refuses it anyway), so memory stays bounded by the deliveries of one tolerance window.
 *
 * @example
 * const seen = createReplayGuard();
 * await verifyWebhookSignature(secret, header, raw, { seen });
 */
export function createReplayGuard({ toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS, now = Date.now }: { toleranceSeconds?: number; now?: () => number } = {}): (key: string) => boolean {
  const expiries = new Map<string, number>();
  return (key) => {
    const nowMs = now();
    for (const [k, until] of expiries) {
      if (until > nowMs) break; // entries expire in the order they were added
      expiries.delete(k);
    }
    if (expiries.has(key)) return true;
    // A delivery first seen now was signed at most one tolerance ago or ahead, so the timestamp
    // check refuses it by now + 2 × tolerance at the latest: that long it is remembered.
    expiries.set(key, nowMs + 2 * toleranceSeconds * 1000);
    return false;
  };
}

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createReplayGuard, signWebhook, verifyWebhookSignature, WebhookSignatureError } from './signature.js';

const secret = 'whsec_test_3f9a';
const body = JSON.stringify({ id: 'evt_1', type: 'customer.updated', data: { name: 'João Araújo' } });
const t = 1_796_000_000;
const at = (seconds: number) => () => seconds * 1000;

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WebhookSignatureError);
  return (e as WebhookSignatureError).reason;
}

describe('webhook signatures', () => {
  it('signs HMAC-SHA256 over "<t>.<body>", the same bytes node:crypto computes', async () => {
    const header = await signWebhook(secret, body, t);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a delivery signed within the tolerance, from a string or the raw bytes', async () => {
    const header = await signWebhook(secret, body, t);
    await expect(verifyWebhookSignature(secret, header, body, { now: at(t + 299) })).resolves.toEqual({ timestamp: t });
    await expect(verifyWebhookSignature(secret, header, new TextEncoder().encode(body), { now: at(t - 120) })).resolves.toEqual({ timestamp: t });
  });

  it('refuses a changed body, another secret, an old or far-future timestamp, and a missing or malformed header', async () => {
    const header = await signWebhook(secret, body, t);
    expect(await refusal(verifyWebhookSignature(secret, header, body.replace('João', 'Joao'), { now: at(t) }))).toBe('signature_mismatch');
    expect(await refusal(verifyWebhookSignature('whsec_other', header, body, { now: at(t) }))).toBe('signature_mismatch');
    // The timestamp is signed: moving it to now breaks the signature.
    expect(await refusal(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 3600}`), body, { now: at(t + 3600) }))).toBe('signature_mismatch');
    expect(await refusal(verifyWebhookSignature(secret, header, body, { now: at(t + 301) }))).toBe('timestamp_outside_tolerance');
    expect(await refusal(verifyWebhookSignature(secret, header, body, { now: at(t - 301) }))).toBe('timestamp_outside_tolerance');
    await expect(verifyWebhookSignature(secret, header, body, { now: at(t + 3000), toleranceSeconds: 3600 })).resolves.toEqual({ timestamp: t });
    expect(await refusal(verifyWebhookSignature(secret, undefined, body))).toBe('missing_header');
    for (const bad of ['v1=abc', `t=${t}`, `t=${t},v1=zz`, `t=soon,v1=${'a'.repeat(64)}`, `t=${t},t=${t},v1=${'a'.repeat(64)}`, `t=${t},v1=${'a'.repeat(62)}`]) {
      expect(await refusal(verifyWebhookSignature(secret, bad, body, { now: at(t) })), bad).toBe('malformed_header');
    }
  });

  it('accepts any one matching v1 while a secret is rotated, and ignores schemes it does not know', async () => {
    const old = (await signWebhook('whsec_old', body, t)).split('v1=')[1];
    const header = `t=${t},v1=${old},v2=future,v1=${(await signWebhook(secret, body, t)).split('v1=')[1]}`;
    await expect(verifyWebhookSignature(secret, header, body, { now: at(t) })).resolves.toEqual({ timestamp: t });
    await expect(verifyWebhookSignature('whsec_old', header, body, { now: at(t) })).resolves.toEqual({ timestamp: t });
  });

  it('with a replay guard, a delivery is accepted once; it is forgotten only once its timestamp is refused anyway', async () => {
    let nowMs = t * 1000;
    const seen = createReplayGuard({ now: () => nowMs });
    const header = await signWebhook(secret, body, t);
    const verify = () => verifyWebhookSignature(secret, header, body, { now: () => nowMs, seen });
    await expect(verify()).resolves.toEqual({ timestamp: t });
    expect(await refusal(verify())).toBe('replayed');
    nowMs += 300_000;
    expect(await refusal(verify())).toBe('replayed');
    nowMs += 1000;
    expect(await refusal(verify())).toBe('timestamp_outside_tolerance');
    // Another delivery of the same event (a retry is signed again, at its own time) is its own key.
    const retry = await signWebhook(secret, body, t + 301);
    await expect(verifyWebhookSignature(secret, retry, body, { now: () => nowMs, seen })).resolves.toEqual({ timestamp: t + 301 });
  });
});

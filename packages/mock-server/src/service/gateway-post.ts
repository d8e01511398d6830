import { ProviderError } from './message-providers.js';

/** One POST to a message gateway (an integrator's SMS/WhatsApp/push gateway, a Web Push service). */
export interface GatewayPost {
  url: string;
  headers: Record<string, string>;
  body: BodyInit;
  /** Milliseconds the gateway has to answer (default 10 s; a dispatcher's lease must outlast it). */
  timeoutMs?: number | undefined;
  fetch?: ((request: Request) => Promise<Response>) | undefined;
}

/** What the gateway answered: its status, headers and body text (empty when it sent none or it could not be read). */
export interface GatewayAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends one POST the way every provider does: a redirect is not followed (it answers as itself,
 * a 3xx, retried), and no answer within the timeout or a network failure is a retryable
 * {@link ProviderError}. The answer is returned whatever its status: {@link gatewayRefusal} reads a refusal.
 *
 * @example
 * const answer = await postToGateway({ url, headers: { 'Content-Type': 'application/json' }, body });
 * if (answer.status >= 300) throw gatewayRefusal(answer);
 */
export async function postToGateway(post: GatewayPost): Promise<GatewayAnswer> {
  const request = new Request(post.url, {
    method: 'POST',
    headers: post.headers,
    body: post.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(post.timeoutMs ?? 10_000),
  });
  let response: Response;
  try {
    response = await (post.fetch ?? fetch)(request);
  } catch (e) {
    throw new ProviderError(e instanceof Error ? e.message : String(e));
  }
  return { status: response.status, headers: response.headers, text: await response.text().catch(() => '') };
}

/** The answer's status and the start of its body, as a provider error names a refusal (`HTTP 422: …`). */
export function gatewaySaid(answer: GatewayAnswer): string {
  return `HTTP ${answer.status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`;
}

/** A gateway's refusal as a {@link ProviderError}: a 4xx other than 408 and 429 is permanent; anything else is retried. */
export function gatewayRefusal(answer: GatewayAnswer): ProviderError {
  return new ProviderError(gatewaySaid(answer), answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429);
}

/** Whether the gateway accepted the message (any 2xx). */
export function accepted(answer: GatewayAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

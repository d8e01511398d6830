// `@clientela/core/webhooks`: sign and verify webhook deliveries (not part of the root barrel:
// receivers run on servers, and browsers that embed the widgets never need it).
export {
  createReplayGuard,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
  WebhookSignatureError,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  type WebhookSignatureFailure,
} from './signature.js';

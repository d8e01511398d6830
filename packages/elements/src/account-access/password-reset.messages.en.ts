import type { Key } from './password-reset.messages.js';

/** English words of the recovery steps of `<cl-account-access>`. */
export const table: Record<Key, string> = {
  forgot: 'Forgot my password',
  forgotTitle: 'Forgot my password',
  forgotIntro: 'Enter your e-mail. We will send a link to set a new password — also on your first access, if the store moved to a new platform.',
  sendLink: 'Send link',
  sending: 'Sending…',
  backToSignIn: 'Back to sign-in',
  sentTitle: 'Check your e-mail',
  sentText: 'If there is an account with the e-mail {email}, we sent a link to set a new password. The link works for {minutes} minutes and only once.',
  resetTitle: 'Set a new password',
  resetIntro: 'Create a new password for your account. Saving it signs you out on your other devices.',
  askNewLink: 'Ask for a new link',
};

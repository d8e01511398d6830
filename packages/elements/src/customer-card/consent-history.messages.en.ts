import type { Key } from './consent-history.messages.js';

export const table: Record<Key, string> = {
  title: 'Consent history', when: 'When', channel: 'Channel and purpose', state: 'State', source: 'Source', text: 'Text shown', by: 'Recorded by', evidence: 'Evidence',
  granted: 'Given', revoked: 'Revoked', shopper: 'The customer', version: 'version {n}', empty: 'No consent records.', loading: 'Loading…',
};

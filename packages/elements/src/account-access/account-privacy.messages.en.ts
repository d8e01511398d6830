import type { Key } from './account-privacy.messages.js';

/** English words of the account area's privacy panel. */
export const table: Record<Key, string> = {
  title: 'Privacy', consentTitle: 'Communications', consentIntro: 'Choose where you accept offers and news. You can change it any time.',
  save: 'Save preferences', saved: 'Preferences saved.',
  downloadTitle: 'Download my data', downloadText: 'A file with everything the store holds about you: details, orders, credits, consents and messages.',
  download: 'Download my data', downloaded: 'File downloaded.',
  deleteTitle: 'Delete my account', deleteText: 'The store erases your personal data; orders and amounts stay, without identifying you. The store has up to 15 days to answer.',
  delete: 'Delete my account', deleteConfirm: 'Are you sure? Once done, it cannot be undone.', deleteYes: 'Yes, ask for deletion', cancel: 'Cancel',
  deleteOpened: 'Deletion request recorded. The store’s deadline: {date}.', requests: 'Your requests', noRequests: 'No requests.', due: 'due {date}', loading: 'Loading…',
};

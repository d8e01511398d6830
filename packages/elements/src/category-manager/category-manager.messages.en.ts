import type { Key } from './category-manager.messages.js';

/** English words of `<cl-category-manager>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    title: 'Customer categories',
    noDelete: 'Categories are never deleted, only inactivated: an inactive category is no longer offered for new assignments, but stays on the customers that have it, so history and reports stay true.',
    newCategory: 'New category', name: 'Name', color: 'Colour', create: 'Create category', creating: 'Creating…', status: 'Status',
    customers: 'Customers', actions: 'Actions', active: 'Active', inactive: 'Inactive', edit: 'Edit', save: 'Save', cancel: 'Cancel',
    inactivate: 'Inactivate', reactivate: 'Reactivate', empty: 'No categories yet.', loading: 'Loading…',
    stale: 'This category was changed by someone else. The list was reloaded; check it and try again.',
    created: 'Category “{name}” created.', saved: 'Category “{name}” saved.', inactivated: 'Category “{name}” inactivated.',
    reactivated: 'Category “{name}” reactivated.', editing: 'Edit {name}', colorOf: 'Colour of {name}',
};

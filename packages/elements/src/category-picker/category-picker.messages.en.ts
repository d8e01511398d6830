import type { Key } from './category-picker.messages.js';

/** English words of `<cl-category-picker>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    label: 'Categories', selected: 'Selected', remove: 'Remove {name}', inactive: 'inactive',
    inactiveHint: 'Inactive category: it can be removed, but not added again.',
    none: 'No category found', create: 'Create category “{name}”', newCategory: 'New category', name: 'Name', color: 'Colour',
    confirmCreate: 'Create', cancel: 'Cancel', results: '{count} categories available', added: '{name} added', removed: '{name} removed',
    loadFailed: 'Could not load the categories.', required: 'Choose at least one category.', creating: 'Creating…',
    automatic: 'automatic', automaticHint: 'Automatic category: customers join and leave by its rule, not by hand.',
};

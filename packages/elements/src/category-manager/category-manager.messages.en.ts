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
    totalSpent: 'Total spent', averageTicket: 'Average ticket', orders30: 'Orders (30 days)', trend: 'Trend (vs. previous 30 days)',
    trendOf: '{last} orders in the last 30 days, {previous} in the 30 days before', noFigure: 'No data',
    discount: 'Discount (%)', discountOf: 'Discount of {name} (%)', noDiscount: 'No discount',
    automatic: 'automatic', automaticNew: 'Automatic: customers join and leave by its rule', rule: 'Rule', ruleOf: 'Rule of {name}',
    ruleIs: 'Rule:', ruleHelp: 'Customers who meet every condition join the category, and leave when they no longer do. Nobody is added or removed by hand.',
    ruleEmpty: 'Add at least one condition to the rule.', editRule: 'Edit rule', editRuleOf: 'Edit rule of {name}', saveRule: 'Save rule',
};

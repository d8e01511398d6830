import type { Key } from './account-area.messages.js';

/** English words of `the signed-in area of <cl-account-access>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    hello: 'Hello, {name}', signOut: 'Sign out', sections: 'My account', profile: 'My details', orders: 'Orders', credits: 'Credits',
    privacy: 'Privacy', password: 'Password', loading: 'Loading…', retry: 'Try again', loadFailed: 'Could not load.',
    noOrders: 'You have no orders yet.', orderNumber: 'Order', orderDate: 'Date', items: 'Items', total: 'Total', orderStatus: 'Status',
    loadMore: 'More orders',
    os_pending: 'Pending', os_paid: 'Paid', os_shipped: 'Shipped', os_delivered: 'Delivered', os_cancelled: 'Cancelled', os_returned: 'Returned',
    noCredits: 'You have no credits.', creditKind: 'Credit', amount: 'Amount', expires: 'Expires', creditStatus: 'Status',
    cr_referral: 'Referral', cr_cashback: 'Cashback bonus', cs_active: 'Active', cs_expiring: 'Expiring soon', cs_used: 'Used', cs_expired: 'Expired',
    currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm the new password',
    passwordHint: 'At least 8 characters; avoid sequences, repeats and common passwords.',
    changePassword: 'Change password', saving: 'Saving…', passwordChanged: 'Password changed. Other sessions opened with the old password were ended.',
    required: 'Fill in this field.', mismatch: 'The passwords do not match.', failed: 'Could not save.', approved: 'The store approved your registration. Welcome!',
    discount: 'Your discount: {percent}', discountFrom: 'Your discount: {percent} ({name} category)',
};

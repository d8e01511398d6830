import type { Key } from './customer-card.messages.js';

/** English words of `<cl-customer-card>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    loading: 'Loading customer…', loadFailed: 'Could not load the customer.', notFound: 'Customer not found.', retry: 'Try again',
    person: 'Person', company: 'Company', customerSince: 'Customer since', source: 'Source',
    sources: 'Synced with', externalId: 'ID {id}',
    st_active: 'Active', st_inactive: 'Inactive', st_blocked: 'Blocked', st_deleted: 'Deleted', status: 'Status',
    categories: 'Categories',
    contact: 'Contact', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Show document', hide: 'Hide document', copy: 'Copy', copied: 'Copied', copyDocument: 'Copy document', copyLink: 'Copy link',
    email: 'E-mail', phone: 'Phone', whatsapp: 'Open in WhatsApp', none: '—',
    address: 'Address', noAddress: 'No address on file.', postalCode: 'CEP',
    stats: 'Summary', ordersCount: 'Orders', totalSpent: 'Total spent', averageTicket: 'Average ticket', firstPurchase: 'First purchase', lastPurchase: 'Last purchase', visits: 'Visits',
    averageRating: 'Average rating', discount: 'Discount', discountFrom: '{percent} (category {name})',
    orders: 'Orders', noOrders: 'No orders.', orderNumber: 'Order', orderDate: 'Date', orderUnit: 'Unit', noUnit: 'No unit', items: 'Items', total: 'Total',
    orderStatus: 'Status', rating: 'Rating', ratingValue: '{n} of 5', noRating: 'Not rated', loadMore: 'Load more orders',
    os_pending: 'Pending', os_paid: 'Paid', os_shipped: 'Shipped', os_delivered: 'Delivered', os_cancelled: 'Cancelled', os_returned: 'Returned',
    credits: 'Credits', noCredits: 'No credits.', cr_referral: 'Referral', cr_cashback: 'Cashback bonus', amount: 'Amount',
    origin: 'Origin', expires: 'Expires', cs_active: 'Active', cs_expiring: 'Expiring soon', balance: 'Balance', cs_used: 'Used', cs_expired: 'Expired',
    consent: 'Marketing consent', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Accepts', no: 'Declines',
    consentUpdated: 'Updated {date}',
    loyaltyCard: 'Loyalty card', notes: 'Notes', actions: 'Actions', edit: 'Edit', changeStatus: 'Change status', apply: 'Apply',
    block: 'Block', unblock: 'Unblock',
    access: 'Account access', acc_none: 'No password set', acc_invited: 'Access link created, no password yet', acc_active: 'Password set', acc_pending: 'Registration awaiting approval', acc_refused: 'Registration refused',
    createLink: 'Create access link', linkHint: 'Copy the link and send it from your own e-mail: nothing is sent automatically.',
    linkLabel: 'Access link', linkExpires: 'Valid until {date}',
    saved: 'Changes saved.', stale: 'Someone else changed this customer; the data was refreshed. Try again.',
    actionFailed: 'Could not complete the action.', stateRegistration: 'State registration', legalName: 'Legal name', tradeName: 'Trade name',
};

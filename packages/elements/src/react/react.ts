/**
 * React wrappers (made with @lit/react): typed props for every property and typed event
 * callbacks for every Clientela event. Importing this module registers every element.
 *
 * @example
 * import { CustomerTable, CustomerForm } from '@clientela/elements/react';
 * <CustomerTable client={client} onCustomerOpen={(e) => open(e.detail.id)} />
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AccountAccess as AccountAccessElement } from '../account-access/account-access.js';
import { AuditLog as AuditLogElement } from '../audit-log/audit-log.js';
import { CategoryManager as CategoryManagerElement } from '../category-manager/category-manager.js';
import { CategoryPicker as CategoryPickerElement } from '../category-picker/category-picker.js';
import { CustomerCard as CustomerCardElement } from '../customer-card/customer-card.js';
import { CustomerForm as CustomerFormElement } from '../customer-form/customer-form.js';
import { CustomerImport as CustomerImportElement } from '../customer-import/customer-import.js';
import { CustomerTable as CustomerTableElement } from '../customer-table/customer-table.js';
import { RegistrationSettings as RegistrationSettingsElement } from '../registration-settings/registration-settings.js';
import type {
  CustomerEditEvent,
  CustomerOpenEvent,
  CustomerSavedEvent,
  ImportCompleteEvent,
  InvalidEvent,
  SelectionChangeEvent,
  SignedInEvent,
} from '../events/events.js';

const changeEvent = 'change' as EventName<Event>;

export const CustomerTable = createComponent({
  react: React,
  tagName: 'cl-customer-table',
  elementClass: CustomerTableElement,
  events: {
    onCustomerOpen: 'cl-customer-open' as EventName<CustomerOpenEvent>,
    onSelectionChange: 'cl-selection-change' as EventName<SelectionChangeEvent>,
  },
});

export const CustomerForm = createComponent({
  react: React,
  tagName: 'cl-customer-form',
  elementClass: CustomerFormElement,
  events: {
    onCustomerSaved: 'cl-customer-saved' as EventName<CustomerSavedEvent>,
    onInvalid: 'cl-invalid' as EventName<InvalidEvent>,
    onCustomerOpen: 'cl-customer-open' as EventName<CustomerOpenEvent>,
  },
});

export const CategoryPicker = createComponent({
  react: React,
  tagName: 'cl-category-picker',
  elementClass: CategoryPickerElement,
  events: { onChange: changeEvent, onInput: 'input' as EventName<Event> },
});

export const CategoryManager = createComponent({
  react: React,
  tagName: 'cl-category-manager',
  elementClass: CategoryManagerElement,
  events: { onChange: changeEvent },
});

export const RegistrationSettings = createComponent({
  react: React,
  tagName: 'cl-registration-settings',
  elementClass: RegistrationSettingsElement,
  events: { onChange: changeEvent },
});

export const AccountAccess = createComponent({
  react: React,
  tagName: 'cl-account-access',
  elementClass: AccountAccessElement,
  events: { onSignedIn: 'cl-signed-in' as EventName<SignedInEvent> },
});

export const CustomerCard = createComponent({
  react: React,
  tagName: 'cl-customer-card',
  elementClass: CustomerCardElement,
  events: {
    onCustomerEdit: 'cl-customer-edit' as EventName<CustomerEditEvent>,
    onCustomerSaved: 'cl-customer-saved' as EventName<CustomerSavedEvent>,
  },
});

export const CustomerImport = createComponent({
  react: React,
  tagName: 'cl-customer-import',
  elementClass: CustomerImportElement,
  events: { onImportComplete: 'cl-import-complete' as EventName<ImportCompleteEvent> },
});

export const AuditLog = createComponent({
  react: React,
  tagName: 'cl-audit-log',
  elementClass: AuditLogElement,
  events: {},
});

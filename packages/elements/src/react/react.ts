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
import { FilterBuilder as FilterBuilderElement } from '../filter-builder/filter-builder.js';
import { UnitManager as UnitManagerElement } from '../unit-manager/unit-manager.js';
import { AutomationManager as AutomationManagerElement } from '../automation-manager/automation-manager.js';
import { Duplicates as DuplicatesElement } from '../duplicates/duplicates.js';
import { MessageComposer as MessageComposerElement } from '../message-composer/message-composer.js';
import { MessageLog as MessageLogElement } from '../message-log/message-log.js';
import { CategoryManager as CategoryManagerElement } from '../category-manager/category-manager.js';
import { CategoryPicker as CategoryPickerElement } from '../category-picker/category-picker.js';
import { CustomerCard as CustomerCardElement } from '../customer-card/customer-card.js';
import { CustomerForm as CustomerFormElement } from '../customer-form/customer-form.js';
import { CustomerImport as CustomerImportElement } from '../customer-import/customer-import.js';
import { CustomerTable as CustomerTableElement } from '../customer-table/customer-table.js';
import { RegistrationSettings as RegistrationSettingsElement } from '../registration-settings/registration-settings.js';
import {
  CustomerEditEvent,
  CustomerOpenEvent,
  CustomerSavedEvent,
  ImportCompleteEvent,
  ViewSelectEvent,
  InvalidEvent,
  MessageBatchOpenEvent,
  MessageCancelEvent,
  MessageSentEvent,
  SelectionChangeEvent,
  SignedInEvent,
} from '../events/events.js';

const changeEvent = 'change' as EventName<Event>;

/** A React event prop's DOM event, named by the event class's own `type` (never spelled twice). */
const on = <E extends Event>(event: { readonly type: string; new (...args: never[]): E }) => event.type as EventName<E>;

export const CustomerTable = createComponent({
  react: React,
  tagName: 'cl-customer-table',
  elementClass: CustomerTableElement,
  events: {
    onCustomerOpen: on(CustomerOpenEvent),
    onSelectionChange: on(SelectionChangeEvent),
  },
});

export const CustomerForm = createComponent({
  react: React,
  tagName: 'cl-customer-form',
  elementClass: CustomerFormElement,
  events: {
    onCustomerSaved: on(CustomerSavedEvent),
    onInvalid: on(InvalidEvent),
    onCustomerOpen: on(CustomerOpenEvent),
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
  events: { onSignedIn: on(SignedInEvent) },
});

export const CustomerCard = createComponent({
  react: React,
  tagName: 'cl-customer-card',
  elementClass: CustomerCardElement,
  events: {
    onCustomerEdit: on(CustomerEditEvent),
    onCustomerSaved: on(CustomerSavedEvent),
  },
});

export const CustomerImport = createComponent({
  react: React,
  tagName: 'cl-customer-import',
  elementClass: CustomerImportElement,
  events: { onImportComplete: on(ImportCompleteEvent) },
});

export const AuditLog = createComponent({
  react: React,
  tagName: 'cl-audit-log',
  elementClass: AuditLogElement,
  events: {},
});

export const FilterBuilder = createComponent({
  react: React,
  tagName: 'cl-filter-builder',
  elementClass: FilterBuilderElement,
  events: { onChange: 'change', onViewSelect: on(ViewSelectEvent) },
});

export const UnitManager = createComponent({
  react: React,
  tagName: 'cl-unit-manager',
  elementClass: UnitManagerElement,
  events: { onChange: 'change' },
});

export const AutomationManager = createComponent({
  react: React,
  tagName: 'cl-automation-manager',
  elementClass: AutomationManagerElement,
  events: { onChange: 'change' },
});

export const MessageComposer = createComponent({
  react: React,
  tagName: 'cl-message-composer',
  elementClass: MessageComposerElement,
  events: { onMessageSent: on(MessageSentEvent), onMessageCancel: on(MessageCancelEvent) },
});

export const MessageLog = createComponent({
  react: React,
  tagName: 'cl-message-log',
  elementClass: MessageLogElement,
  events: { onMessageBatchOpen: on(MessageBatchOpenEvent) },
});

export const Duplicates = createComponent({
  react: React,
  tagName: 'cl-duplicates',
  elementClass: DuplicatesElement,
  events: { onChange: 'change' },
});

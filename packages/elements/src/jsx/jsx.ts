/**
 * JSX typings for the `cl-*` tags, for frameworks that read the global `JSX` namespace
 * (Preact, Solid, Stencil, …): `import type {} from '@clientela/elements/jsx'`. React users
 * get typed components from `@clientela/elements/react` instead.
 */
import type { AccountAccess } from '../account-access/account-access.component.js';
import type { AuditLog } from '../audit-log/audit-log.component.js';
import type { FilterBuilder } from '../filter-builder/filter-builder.component.js';
import type { UnitManager } from '../unit-manager/unit-manager.component.js';
import type { AutomationManager } from '../automation-manager/automation-manager.component.js';
import type { Duplicates } from '../duplicates/duplicates.component.js';
import type { MessageComposer } from '../message-composer/message-composer.component.js';
import type { MessageLog } from '../message-log/message-log.component.js';
import type { CategoryManager } from '../category-manager/category-manager.component.js';
import type { CategoryPicker } from '../category-picker/category-picker.component.js';
import type { CustomerCard } from '../customer-card/customer-card.component.js';
import type { CustomerForm } from '../customer-form/customer-form.component.js';
import type { CustomerImport } from '../customer-import/customer-import.component.js';
import type { CustomerTable } from '../customer-table/customer-table.component.js';
import type { RegistrationSettings } from '../registration-settings/registration-settings.component.js';

/** Attributes every Clientela tag accepts, plus the element's own public properties. */
export type ClientelaTagProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | `_${string}`>> & {
  'api-base'?: string;
  'api-key'?: string;
  locale?: string;
  lang?: string;
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  part?: string;
  style?: unknown;
  children?: unknown;
  [attribute: `data-${string}`]: string | undefined;
};

export interface ClientelaIntrinsicElements {
  'cl-customer-table': ClientelaTagProps<CustomerTable>;
  'cl-customer-form': ClientelaTagProps<CustomerForm>;
  'cl-category-picker': ClientelaTagProps<CategoryPicker>;
  'cl-category-manager': ClientelaTagProps<CategoryManager>;
  'cl-registration-settings': ClientelaTagProps<RegistrationSettings>;
  'cl-account-access': ClientelaTagProps<AccountAccess>;
  'cl-customer-card': ClientelaTagProps<CustomerCard>;
  'cl-customer-import': ClientelaTagProps<CustomerImport>;
  'cl-audit-log': ClientelaTagProps<AuditLog>;
  'cl-filter-builder': ClientelaTagProps<FilterBuilder>;
  'cl-unit-manager': ClientelaTagProps<UnitManager>;
  'cl-automation-manager': ClientelaTagProps<AutomationManager>;
  'cl-message-composer': ClientelaTagProps<MessageComposer>;
  'cl-message-log': ClientelaTagProps<MessageLog>;
  'cl-duplicates': ClientelaTagProps<Duplicates>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends ClientelaIntrinsicElements {}
  }
}

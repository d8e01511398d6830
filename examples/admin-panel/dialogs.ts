// The header's "+ novo cliente", "categorias" and "configurações" buttons: each opens its element
// in a <dialog> inside #dialogs. Editing a customer is asked for with a `cl-customer-edit`
// CustomEvent ({ id }) on document, or by calling openCustomerForm(id).
import '@clientela/elements/category-manager';
import '@clientela/elements/customer-form';
import '@clientela/elements/registration-settings';
import { unitSettings } from './units-settings.js';
import { apiKeySettings } from './api-keys-settings.js';
import { channelSettings } from './channel-settings.js';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const host = document.querySelector<HTMLElement>('#dialogs')!;

const titles: Record<string, Record<string, string>> = {
  'pt-BR': { new: 'Novo cliente', edit: 'Editar cliente', categories: 'Categorias', settings: 'Configurações', close: 'Fechar' },
  en: { new: 'New customer', edit: 'Edit customer', categories: 'Categories', settings: 'Settings', close: 'Close' },
  es: { new: 'Nuevo cliente', edit: 'Editar cliente', categories: 'Categorías', settings: 'Configuración', close: 'Cerrar' },
};
const t = (key: string) => (titles[lang] ?? titles['pt-BR']!)[key]!;
let count = 0;

/** Opens `content` in a modal dialog titled `title`; the dialog is removed once closed. */
function openDialog(title: string, content: HTMLElement, id: string): HTMLDialogElement {
  document.getElementById(id)?.remove();
  const dialog = document.createElement('dialog');
  const heading = `dialog-title-${++count}`;
  dialog.id = id;
  dialog.setAttribute('aria-labelledby', heading);
  const header = document.createElement('div');
  header.style.cssText = 'display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-bottom:0.75rem';
  const h2 = document.createElement('h2');
  h2.id = heading;
  h2.textContent = title;
  h2.style.margin = '0';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('close');
  close.style.cssText = 'min-height:44px;min-width:44px;padding:0 1rem;font:inherit';
  close.addEventListener('click', () => dialog.close());
  header.append(h2, close);
  dialog.append(header, content);
  dialog.addEventListener('close', () => dialog.remove());
  host.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Opens the customer form: a new customer, or the one with `id` (edited with If-Match). */
export function openCustomerForm(id?: string): HTMLDialogElement {
  const form = document.createElement('cl-customer-form');
  form.client = client;
  form.mode = 'admin';
  form.allowCreateCategory = true;
  if (id) form.customerId = id;
  const dialog = openDialog(t(id ? 'edit' : 'new'), form, 'customer-form-dialog');
  // The saved event bubbles on to document, where the table refreshes; the dialog just closes.
  form.addEventListener('cl-customer-saved', () => setTimeout(() => dialog.close(), 600));
  return dialog;
}

/** Opens the categories screen. */
export function openCategories(): HTMLDialogElement {
  const manager = document.createElement('cl-category-manager');
  manager.client = client;
  return openDialog(t('categories'), manager, 'categories-dialog');
}

/** Opens the settings: which registration fields are required, the business's units, the sending channels and the API keys. */
export function openSettings(): HTMLDialogElement {
  const settings = document.createElement('cl-registration-settings');
  settings.client = client;
  const content = document.createElement('div');
  content.append(settings, unitSettings(client), channelSettings(client), apiKeySettings(client));
  return openDialog(t('settings'), content, 'settings-dialog');
}

document.querySelector('#new-customer')?.addEventListener('click', () => openCustomerForm());
document.querySelector('#open-categories')?.addEventListener('click', () => openCategories());
document.querySelector('#open-settings')?.addEventListener('click', () => openSettings());
document.addEventListener('cl-customer-edit', (event) => {
  const id = (event as CustomEvent<{ id?: string }>).detail?.id;
  if (id) openCustomerForm(id);
});

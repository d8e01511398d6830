// One modal <dialog> per tool the header opens (messages, automations, LGPD requests): the element
// alone with a "Fechar" bar, named for the element (which has its own heading), taken away when
// closed. The address follows it — `#<hash>` while open, cleared on close — so a reload or a shared
// link reopens it.
import { lang } from '../shared.js';

const CLOSE: Record<string, string> = { 'pt-BR': 'Fechar', en: 'Close', es: 'Cerrar' };

/** Writes the address without adding a history entry (`''` clears it). */
export function setHash(hash: string): void {
  if (location.hash !== hash) history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
}

/** Whether the address is `hash` or one of its sub-addresses (`#mensagens/msg_…`). */
export function isHashOf(hash: string, address = location.hash): boolean {
  return address === hash || address.startsWith(`${hash}/`);
}

export interface ElementDialog {
  /** The dialog's id, so a second open finds the first. */
  id: string;
  /** Its accessible name. */
  label: string;
  /** The address it is opened at. */
  hash: string;
  /** Makes the element, on first open only. */
  element: () => HTMLElement;
}

/** Opens the dialog (or returns the one already open). */
export function openElementDialog({ id, label, hash, element }: ElementDialog): HTMLDialogElement {
  const open = document.querySelector<HTMLDialogElement>(`#${id}`);
  if (open) return open;
  const dialog = document.createElement('dialog');
  dialog.id = id;
  dialog.setAttribute('aria-label', label);
  const bar = document.createElement('div');
  bar.className = 'tools-bar bare';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = CLOSE[lang] ?? CLOSE['pt-BR']!;
  close.addEventListener('click', () => dialog.close());
  bar.append(close);
  dialog.append(bar, element());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (isHashOf(hash)) setHash('');
  });
  document.querySelector<HTMLElement>('#dialogs')!.append(dialog);
  dialog.showModal();
  if (!isHashOf(hash)) setHash(hash);
  return dialog;
}

/**
 * A header button placed after the first of `after` that is on the page, opening the dialog; and
 * the dialog opened whenever the address is its own (on load and on every change).
 */
export function headerDialog(buttonId: string, after: readonly string[], options: ElementDialog): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = buttonId;
  button.textContent = options.label;
  button.addEventListener('click', () => openElementDialog(options));
  after.map((s) => document.querySelector(s)).find((x) => x)?.after(button);
  const follow = () => {
    if (isHashOf(options.hash)) openElementDialog(options);
  };
  window.addEventListener('hashchange', follow);
  follow();
}

// On phones the header's buttons fold into a "Menu" button (examples/styles.css hides them below
// 640px); this opens and closes that menu, closes it when one of its buttons is chosen, on Escape
// and on a tap outside, and gives the keyboard back to the "Menu" button.
import { lang } from '../shared.js';

const toggle = document.querySelector<HTMLButtonElement>('#page-menu');
const actions = document.querySelector<HTMLElement>('#page-actions');
const label: Record<string, string> = { 'pt-BR': 'Menu', en: 'Menu', es: 'Menú' };

function setOpen(open: boolean, focusToggle = false): void {
  if (!toggle || !actions) return;
  actions.classList.toggle('open', open);
  toggle.setAttribute('aria-expanded', String(open));
  if (open) actions.querySelector<HTMLElement>('button')?.focus();
  else if (focusToggle) toggle.focus();
}

if (toggle && actions) {
  toggle.textContent = label[lang] ?? label['pt-BR']!;
  toggle.addEventListener('click', () => setOpen(!actions.classList.contains('open')));
  // A chosen action opens its dialog: the menu closes behind it.
  actions.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button')) setOpen(false);
  });
  actions.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && actions.classList.contains('open')) {
      event.stopPropagation();
      setOpen(false, true);
    }
  });
  document.addEventListener('click', (event) => {
    if (actions.classList.contains('open') && !toggle.contains(event.target as Node) && !actions.contains(event.target as Node)) setOpen(false);
  });
}

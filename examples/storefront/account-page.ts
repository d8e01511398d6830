// The catalog's Account page: the four catalog scenarios as tabs (open
// catalog, registered by the seller, private catalog, migrated customer). Scenario 1 (open
// catalog: shoppers register themselves) is <cl-customer-form mode="storefront"> with the
// publishable key only. Scenarios 2–4 go through <cl-account-access>; until a module puts it into
// their panel (#scenario-seller, #scenario-private, #scenario-migrated), the panel says plainly
// that the scenario is not available yet. The last tab, "Minha conta" (#scenario-account), is the
// signed-in shopper's area.
import '@clientela/elements/customer-form';
import { lang, storefrontClient } from '../shared.js';

const text: Record<string, Record<string, string>> = {
  'pt-BR': {
    tabs: 'Cenários do catálogo',
    open: 'Catálogo aberto', seller: 'Cadastrado pelo vendedor', private: 'Catálogo privado', migrated: 'Cliente migrado', account: 'Minha conta',
    accountIntro: 'Seus dados, pedidos, créditos e desconto. Entre com seu e-mail e senha.',
    openIntro: 'Cadastre-se para comprar. Seus dados ficam só com a loja; nenhum e-mail é enviado no cadastro.',
    pending: 'Este cenário ainda não está disponível neste exemplo: ele usa o elemento <cl-account-access> (definir senha e entrar), que ainda não foi integrado a esta página.',
    sellerIntro: 'O vendedor já cadastrou você; defina uma senha para ver seus pedidos.',
    privateIntro: 'Somente clientes já cadastrados entram, com e-mail e senha.',
    migratedIntro: 'Sua conta veio de outra plataforma; defina uma nova senha no primeiro acesso.',
  },
  en: {
    tabs: 'Catalog scenarios',
    open: 'Open catalog', seller: 'Registered by a seller', private: 'Private catalog', migrated: 'Migrated customer', account: 'My account',
    accountIntro: 'Your details, orders, credits and discount. Sign in with your e-mail and password.',
    openIntro: 'Register to buy. Your data stays with the store; no e-mail is sent when you register.',
    pending: 'This scenario is not available in this example yet: it uses the <cl-account-access> element (set a password, sign in), which is not on this page yet.',
    sellerIntro: 'A seller registered you; set a password to see your orders.',
    privateIntro: 'Only registered customers sign in, with e-mail and password.',
    migratedIntro: 'Your account came from another platform; set a new password on first access.',
  },
  es: {
    tabs: 'Escenarios del catálogo',
    open: 'Catálogo abierto', seller: 'Registrado por el vendedor', private: 'Catálogo privado', migrated: 'Cliente migrado', account: 'Mi cuenta',
    accountIntro: 'Tus datos, pedidos, créditos y descuento. Ingresa con tu e-mail y contraseña.',
    openIntro: 'Regístrese para comprar. Sus datos quedan solo con la tienda; no se envía ningún correo al registrarse.',
    pending: 'Este escenario aún no está disponible en este ejemplo: usa el elemento <cl-account-access> (definir contraseña e iniciar sesión), que todavía no se integró a esta página.',
    sellerIntro: 'El vendedor ya lo registró; defina una contraseña para ver sus pedidos.',
    privateIntro: 'Solo los clientes ya registrados inician sesión, con correo y contraseña.',
    migratedIntro: 'Su cuenta vino de otra plataforma; defina una nueva contraseña en el primer acceso.',
  },
};
const t = (key: string) => (text[lang] ?? text['pt-BR']!)[key]!;

const scenarios = [
  { id: 'open', hash: 'aberto' },
  { id: 'seller', hash: 'vendedor' },
  { id: 'private', hash: 'privado' },
  { id: 'migrated', hash: 'migrado' },
  { id: 'account', hash: 'conta' },
] as const;

const main = document.querySelector<HTMLElement>('#main')!;
const style = document.createElement('style');
style.textContent = `
  .scenario-tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 1px solid var(--cl-color-border, #c9d1dc); margin-bottom: 1rem; }
  .scenario-tabs [role=tab] { min-height: 44px; padding: 0 1rem; font: inherit; color: inherit; background: transparent; border: 0; border-bottom: 3px solid transparent; cursor: pointer; }
  .scenario-tabs [role=tab][aria-selected=true] { border-bottom-color: var(--cl-color-accent, #0b5cad); font-weight: 600; }
  .scenario-panel { max-width: 860px; }
  .scenario-pending { padding: 0.75rem 1rem; border: 1px dashed var(--cl-color-border, #c9d1dc); border-radius: 6px; }
`;
document.head.append(style);

const tablist = document.createElement('div');
tablist.className = 'scenario-tabs';
tablist.setAttribute('role', 'tablist');
tablist.setAttribute('aria-label', t('tabs'));
main.append(tablist);

const tabs: HTMLButtonElement[] = [];
for (const s of scenarios) {
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.id = `tab-${s.id}`;
  tab.setAttribute('role', 'tab');
  tab.setAttribute('aria-controls', `scenario-${s.id}`);
  tab.textContent = t(s.id);
  tab.addEventListener('click', () => select(s.id, true));
  tablist.append(tab);
  tabs.push(tab);

  const panel = document.createElement('section');
  panel.id = `scenario-${s.id}`;
  panel.className = 'scenario-panel';
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', tab.id);
  panel.tabIndex = 0;
  const intro = document.createElement('p');
  intro.textContent = t(`${s.id}Intro`);
  panel.append(intro);
  if (s.id === 'open') {
    const form = document.createElement('cl-customer-form');
    form.mode = 'storefront';
    form.client = storefrontClient();
    // A finished registration links here; with a password the shopper is already signed in.
    form.accountUrl = '#conta';
    panel.append(form);
  } else if (s.id !== 'account') {
    const pending = document.createElement('p');
    pending.className = 'scenario-pending';
    pending.dataset['pending'] = 'cl-account-access';
    pending.textContent = t('pending');
    panel.append(pending);
  }
  main.append(panel);
}

tablist.addEventListener('keydown', (event) => {
  const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
  if (i < 0) return;
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const s = scenarios[(next + tabs.length) % tabs.length]!;
  select(s.id, true);
  document.getElementById(`tab-${s.id}`)!.focus();
});

function select(id: string, push: boolean): void {
  for (const s of scenarios) {
    const on = s.id === id;
    const tab = document.getElementById(`tab-${s.id}`)!;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(`scenario-${s.id}`)!.hidden = !on;
    if (on && push) history.replaceState(null, '', `#${s.hash}`);
  }
}

const fromHash = scenarios.find((s) => `#${s.hash}` === location.hash) ?? scenarios[0];
select(fromHash.id, false);
addEventListener('hashchange', () => {
  const s = scenarios.find((x) => `#${x.hash}` === location.hash);
  if (s) select(s.id, false);
});

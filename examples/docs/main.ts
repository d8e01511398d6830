// One reference page per element, generated from the custom-elements manifest, each with a live
// demo. The demos talk to the mock server's own app running in this page
// (`@clientela/mock-server/browser`): no port, no proxy, and nothing a visitor does leaves the tab.
import { createClient } from '@clientela/core/client';
import '@clientela/elements';
import { createApp } from '@clientela/mock-server/browser';
import { html, nothing, render, type TemplateResult } from 'lit';
import manifest from '@clientela/elements/custom-elements.json' with { type: 'json' };

interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  parameters?: Described[];
  return?: { type?: { text: string } };
  inheritedFrom?: { name: string };
}
interface ElementDoc extends Described {
  tagName: string;
  attributes?: (Described & { fieldName?: string; inheritedFrom?: { name: string } })[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: (Partial<ElementDoc> & { customElement?: boolean })[] }[];
}

const elements: ElementDoc[] = (manifest as unknown as Manifest).modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is ElementDoc & { customElement: true } => Boolean(d.customElement && d.tagName))
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

// The in-page mock server: a few hundred seeded customers, in memory, gone on reload.
const server = createApp({ seed: 300 });
const clientWith = (apiKey: string) =>
  createClient({ baseUrl: location.origin, apiKey, locale: 'pt-BR', actor: 'docs@clientela.example', fetch: (request) => server.fetch(request) });
const admin = clientWith(server.keys.secret);
const storefront = clientWith(server.keys.publishable);

const DEMO_EMAIL = 'ana.demo@clientela.example';
const DEMO_PASSWORD = 'senha-demo-123';
let demoAccount: Promise<void> | undefined;
/** A storefront customer with a password, so the sign-in demo can succeed (scrypt runs in the page). */
function ensureDemoAccount(): Promise<void> {
  demoAccount ??= storefront.account
    .register({ kind: 'person', document: '52998224725', firstName: 'Ana', lastName: 'Demonstração', email: DEMO_EMAIL, password: DEMO_PASSWORD })
    .then(
      () => undefined,
      () => undefined,
    );
  return demoAccount as Promise<void>;
}

/** Backticked spans of manifest text become <code>; everything else stays text (lit escapes it). */
function prose(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`${text
    .replace(/\s*\n\s*/g, ' ')
    .split('`')
    .map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;
}

/** Paragraphs (blank-line separated) of a doc block. */
const paragraphs = (text: string | undefined) =>
  (text ?? '').split(/\n\s*\n/).map((p) => html`<p class="summary">${prose(p)}</p>`);

const isPublic = (m: Member) => !m.static && (m.privacy === undefined || m.privacy === 'public') && !m.name.startsWith('_') && !m.name.startsWith('#');

function table(caption: string, headers: string[], rows: TemplateResult[][]): TemplateResult {
  const id = `${caption.toLowerCase().replace(/\W+/g, '-')}`;
  return html`<section aria-labelledby=${id}>
    <h2 id=${id}>${caption}</h2>
    ${rows.length
      ? html`<table>
          <thead>
            <tr>
              ${headers.map((h) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((cells) => html`<tr>${cells.map((c) => html`<td>${c}</td>`)}</tr>`)}
          </tbody>
        </table>`
      : html`<p class="none">None.</p>`}
  </section>`;
}

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : html``);
const inherited = (from: { name: string } | undefined) => (from ? html` <small class="none">(from ${from.name})</small>` : nothing);

/** The live demo of one element, wired to the in-page server with the key its role calls for. */
async function demo(tag: string): Promise<TemplateResult> {
  switch (tag) {
    case 'cl-customer-table':
      return html`<cl-customer-table .client=${admin} style="--cl-customer-table-height: 440px"></cl-customer-table>`;
    case 'cl-customer-form':
      return html`<p class="demo-note">Storefront mode, publishable key: a shopper's self-registration.</p>
        <cl-customer-form mode="storefront" .client=${storefront}></cl-customer-form>`;
    case 'cl-customer-card': {
      const first = (await admin.customers.list({ limit: 1, sort: '-totalSpent' })).items[0];
      return html`<cl-customer-card customer-id=${first?.id ?? ''} .client=${admin}></cl-customer-card>`;
    }
    case 'cl-category-picker':
      return html`<cl-category-picker multiple allow-create label="Categorias" .client=${admin}></cl-category-picker>`;
    case 'cl-category-manager':
      return html`<cl-category-manager .client=${admin}></cl-category-manager>`;
    case 'cl-registration-settings':
      return html`<cl-registration-settings .client=${admin}></cl-registration-settings>`;
    case 'cl-message-composer': {
      const ids = (await admin.customers.list({ limit: 5 })).items.map((c) => c.id);
      return html`<p class="demo-note">Five customers of the in-page server; the development provider delivers into its outbox.</p>
        <cl-message-composer .client=${admin} .target=${{ ids }}></cl-message-composer>`;
    }
    case 'cl-message-log':
      return html`<cl-message-log .client=${admin}></cl-message-log>`;
    case 'cl-unit-manager':
      return html`<cl-unit-manager .client=${admin}></cl-unit-manager>`;
    case 'cl-automation-manager':
      return html`<cl-automation-manager .client=${admin}></cl-automation-manager>`;
    case 'cl-privacy-requests': {
      // One access request on a customer's behalf, so the queue has a row to handle.
      const first = (await admin.customers.list({ limit: 1 })).items[0];
      if (first && !(await admin.privacyRequests.list({ customerId: first.id })).items.length) await admin.privacyRequests.create({ customerId: first.id, type: 'access' });
      return html`<cl-privacy-requests .client=${admin}></cl-privacy-requests>`;
    }
    case 'cl-duplicates': {
      // A second record of the first customer (same name and phone), so the list has a pair to
      // compare, merge or dismiss; if the server refuses it (a required field), the list shows what it finds.
      const first = (await admin.customers.list({ limit: 1 })).items[0];
      if (first && first.kind === 'person' && first.phone && !(await admin.duplicates.list({ customerId: first.id })).items.length) {
        await admin.customers.create({ kind: 'person', firstName: first.firstName, lastName: first.lastName, phone: first.phone, email: `outro.${first.id}@example.com` } as never).catch(() => undefined);
      }
      return html`<cl-duplicates .client=${admin}></cl-duplicates>`;
    }
    case 'cl-account-access':
      await ensureDemoAccount();
      return html`<p class="demo-note">Publishable key. Sign in as <code>${DEMO_EMAIL}</code> with the password <code>${DEMO_PASSWORD}</code>.</p>
        <cl-account-access mode="sign-in" email=${DEMO_EMAIL} .client=${storefront}></cl-account-access>`;
    case 'cl-customer-import':
      return html`<cl-customer-import .client=${admin}></cl-customer-import>`;
    case 'cl-audit-log':
      // Two audited reads, so the log has something to show.
      for (const c of (await admin.customers.list({ limit: 2 })).items) await admin.customers.retrieve(c.id);
      return html`<cl-audit-log .client=${admin}></cl-audit-log>`;
    case 'cl-filter-builder':
      return html`<cl-filter-builder for="docs-filter-table" value="last-notwithin-90.uf-SP" .client=${admin}></cl-filter-builder>
        <cl-customer-table id="docs-filter-table" .client=${admin} style="--cl-customer-table-height: 24rem"></cl-customer-table>`;
    case 'cl-document-text':
      return html`<p><cl-document-text value="12abc34501de35"></cl-document-text> · <cl-document-text value="52998224725" masked></cl-document-text></p>`;
    default:
      return html`<p class="none">No demo.</p>`;
  }
}

function usage(el: ElementDoc): string {
  const name = el.tagName.replace(/^cl-/, '');
  const key = el.tagName === 'cl-customer-form' || el.tagName === 'cl-account-access' ? 'pk_test_clientela' : 'sk_test_clientela';
  const attrs = el.tagName === 'cl-document-text' ? ' value="52998224725"' : ` api-base="https://api.example.com" api-key="${key}"`;
  return `import '@clientela/elements/${name}';\n\n<${el.tagName}${attrs}></${el.tagName}>`;
}

function reference(el: ElementDoc): TemplateResult {
  const members = (el.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method');
  return html`
    <h1 tabindex="-1">&lt;${el.tagName}&gt;</h1>
    ${paragraphs(el.summary ?? el.description)}
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">Live demo</h2>
      <div class="demo" lang="pt-BR" id="demo"></div>
      <h3 id="events-heading">Events fired</h3>
      <ol class="event-log" id="event-log" aria-labelledby="events-heading" aria-live="polite"></ol>
    </section>
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading">Usage</h2>
      <pre><code>${usage(el)}</code></pre>
    </section>
    ${table(
      'Attributes',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      (el.attributes ?? []).map((a) => [
        html`${code(a.name)}${inherited(a.inheritedFrom)}`,
        code(a.fieldName),
        code(a.type?.text),
        code(a.default),
        html`${prose(a.description)}`,
      ]),
    )}
    ${table(
      'Properties',
      ['Property', 'Type', 'Default', 'Description'],
      fields.map((f) => [
        html`${code(f.name)}${f.readonly ? html` <small class="none">(read-only)</small>` : nothing}${inherited(f.inheritedFrom)}`,
        code(f.type?.text),
        code(f.default),
        html`${prose(f.description)}`,
      ]),
    )}
    ${table(
      'Methods',
      ['Method', 'Returns', 'Description'],
      methods.map((m) => [
        code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})`),
        code(m.return?.type?.text ?? 'void'),
        html`${prose(m.description)}`,
      ]),
    )}
    ${table('Events', ['Event', 'Description'], (el.events ?? []).map((e) => [code(e.name), html`${prose(e.description)}`]))}
    ${table('Slots', ['Slot', 'Description'], (el.slots ?? []).map((s) => [code(s.name || '(default)'), html`${prose(s.description)}`]))}
    ${table('CSS parts', ['Part', 'Description'], (el.cssParts ?? []).map((p) => [code(p.name), html`${prose(p.description)}`]))}
    ${table('CSS custom properties', ['Property', 'Description'], (el.cssProperties ?? []).map((p) => [code(p.name), html`${prose(p.description)}`]))}
  `;
}

const nav = document.querySelector<HTMLElement>('#index')!;
const main = document.querySelector<HTMLElement>('#main')!;
let shown = '';
let stopListening: (() => void) | undefined;

function current(): ElementDoc {
  const tag = decodeURIComponent(location.hash.slice(1));
  return elements.find((e) => e.tagName === tag) ?? elements.find((e) => e.tagName === 'cl-customer-table') ?? elements[0]!;
}

async function show(focus: boolean): Promise<void> {
  const el = current();
  if (el.tagName === shown) return;
  shown = el.tagName;
  document.title = `<${el.tagName}> — Clientela elements`;
  render(
    html`<h2 class="visually-hidden" id="index-heading">Elements</h2>
      <ul aria-labelledby="index-heading">
        ${elements.map((e) => html`<li><a href=${`#${e.tagName}`} aria-current=${e === el ? 'page' : 'false'}>${e.tagName}</a></li>`)}
      </ul>`,
    nav,
  );
  stopListening?.();
  render(reference(el), main);
  if (focus) main.querySelector<HTMLElement>('h1')?.focus();

  const box = main.querySelector<HTMLElement>('#demo')!;
  const log = main.querySelector<HTMLElement>('#event-log')!;
  const events = (el.events ?? []).map((e) => e.name).filter(Boolean);
  const entries: TemplateResult[] = [];
  render(html`<p class="none">Loading…</p>`, box);
  render(entries, log);
  const onEvent = (event: Event) => {
    const detail = (event as CustomEvent).detail as unknown;
    const text = detail === undefined || detail === null ? '' : JSON.stringify(detail);
    entries.unshift(html`<li><code>${event.type}</code> ${text.length > 160 ? `${text.slice(0, 160)}…` : text}</li>`);
    render(entries.slice(0, 20), log);
  };
  for (const name of events) box.addEventListener(name, onEvent);
  stopListening = () => events.forEach((name) => box.removeEventListener(name, onEvent));

  const template = await demo(el.tagName);
  if (shown === el.tagName) render(template, box);
}

window.addEventListener('hashchange', () => void show(true));
void show(false);

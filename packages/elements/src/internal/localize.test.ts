import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ClientelaElement } from './clientela-element.js';
import { LocalizeController } from './localize.controller.js';
import { lazyMessages, translator } from './localize.js';

describe('localization', () => {
  const pt = { hello: 'Olá, {name}', only: 'só em português' };
  const en = { hello: 'Hello, {name}' } as typeof pt;

  it('makes one translator per table, not one per call', () => {
    const { messages } = lazyMessages(pt, async () => en);
    expect(translator(messages, 'pt-BR')).to.equal(translator(messages, 'pt-BR'));
    expect(translator(messages, 'pt-BR')('hello', { name: 'Ana' })).to.equal('Olá, Ana');
  });

  it('loads a language once, falls back to pt-BR until then and for missing keys', async () => {
    let loads = 0;
    const { messages, loadMessages } = lazyMessages(pt, async () => {
      loads++;
      return en;
    });
    expect(translator(messages, 'en')('hello', { name: 'Ana' })).to.equal('Olá, Ana');
    await Promise.all([loadMessages('en'), loadMessages('en')]);
    await loadMessages('en');
    expect(loads).to.equal(1);
    const t = translator(messages, 'en');
    expect(t('hello', { name: 'Ana' })).to.equal('Hello, Ana');
    expect(t('only')).to.equal('só em português');
    expect(translator(messages, 'en')).to.equal(t);
  });
});

describe('LocalizeController', () => {
  const pt = { hello: 'Olá, {name}' };
  let loads: string[] = [];
  let release: () => void = () => {};
  const catalog = lazyMessages(pt, (locale) => {
    loads.push(locale);
    return new Promise((resolve) => {
      release = () => resolve(locale === 'en' ? { hello: 'Hello, {name}' } : { hello: 'Hola, {name}' });
    });
  });

  class Greeting extends ClientelaElement {
    readonly l10n = new LocalizeController(this, catalog);
    override render() {
      return html`<p>${this.l10n.t('hello', { name: 'Ana' })}</p>`;
    }
  }
  customElements.define('cl-test-greeting', Greeting);
  const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

  it('speaks pt-BR until a language arrives, loads it once for every element, then updates them', async () => {
    loads = [];
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><cl-test-greeting></cl-test-greeting><cl-test-greeting></cl-test-greeting></div>`);
    const [a, b] = [...wrap.querySelectorAll('cl-test-greeting')] as Greeting[];
    expect(text(a!)).to.equal('Olá, Ana');
    expect(loads).to.deep.equal(['en']);
    const t = a!.l10n.t;
    release();
    await waitUntil(() => text(a!) === 'Hello, Ana' && text(b!) === 'Hello, Ana');
    expect(a!.l10n.locale).to.equal('en');
    a!.requestUpdate();
    await a!.updateComplete;
    expect(a!.l10n.t).to.equal(b!.l10n.t);
    expect(a!.l10n.t).not.to.equal(t);
  });

  it('follows a changed lang', async () => {
    loads = [];
    const el = await fixture<Greeting>(html`<cl-test-greeting lang="pt-BR"></cl-test-greeting>`);
    expect(text(el)).to.equal('Olá, Ana');
    el.lang = 'es';
    await el.updateComplete;
    expect(loads).to.deep.equal(['es']);
    release();
    await waitUntil(() => text(el) === 'Hola, Ana');
    el.lang = 'pt-BR';
    await el.updateComplete;
    expect(text(el)).to.equal('Olá, Ana');
  });
});

import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
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

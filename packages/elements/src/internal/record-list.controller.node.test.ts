import { ApiError, ConflictError, PreconditionFailedError, ValidationError } from '@clientela/core/errors';
import { describe, expect, it } from 'vitest';
import { RecordListController, type ListedRecord, type RecordListHost } from './record-list.controller.js';

/** A host without a DOM: counts renders and the `change` events it fires. */
function fakeHost() {
  const target = new EventTarget();
  const host = {
    resolvedLocale: 'pt-BR' as const,
    renders: 0,
    changes: 0,
    updateComplete: Promise.resolve(true),
    addController() {},
    removeController() {},
    requestUpdate() {
      host.renders++;
    },
    dispatchEvent(event: Event) {
      if (event.type === 'change') host.changes++;
      return target.dispatchEvent(event);
    },
  };
  return host;
}

const rec = (id: string, name: string, status = 'active', version = 1): ListedRecord => ({ id, name, status, version });
const problem = (status: number, detail: string): ApiError => {
  const p = { type: 'about:blank', title: detail, status, detail };
  return status === 412 ? new PreconditionFailedError(p, undefined) : status === 409 ? new ConflictError(p) : new ValidationError(p);
};

function setup(server: { items: ListedRecord[] }) {
  const host = fakeHost();
  const list = new RecordListController<ListedRecord>(host as unknown as RecordListHost, {
    list: () => Promise.resolve(server.items.map((r) => ({ ...r }))),
    done: (done, name) => `${done}:${name}`,
    stale: () => 'stale',
  });
  return { host, list };
}

describe('RecordListController', () => {
  it('lists active records first, each group by name in the host language (accents folded)', async () => {
    const { list } = setup({ items: [rec('b', 'Zeta'), rec('c', 'Ágata', 'inactive'), rec('a', 'Érica'), rec('d', 'abel')] });
    await list.reload();
    expect(list.items!.map((r) => r.name)).toEqual(['abel', 'Érica', 'Zeta', 'Ágata']);
  });

  it('a create reloads, says what it did and fires change; a refusal goes to the create error and fires nothing', async () => {
    const server = { items: [rec('a', 'Loja A')] };
    const { host, list } = setup(server);
    await list.reload();
    const created = await list.create(() => {
      server.items.push(rec('b', 'Loja B'));
      return Promise.resolve(rec('b', 'Loja B'));
    });
    expect(created?.id).toBe('b');
    expect(list.items!.map((r) => r.id)).toEqual(['a', 'b']);
    expect(list.status).toBe('created:Loja B');
    expect(host.changes).toBe(1);
    expect(list.busy).toBe(false);

    expect(await list.create(() => Promise.reject(problem(409, 'Nome já usado.')))).toBeUndefined();
    expect(list.createError).toBe('Nome já usado.');
    expect(host.changes).toBe(1);
    expect(list.busy).toBe(false);
  });

  it('a 412 stops the edit, reloads what the other person saved and says so; another refusal stays in the row', async () => {
    const server = { items: [rec('a', 'Loja A')] };
    const { host, list } = setup(server);
    await list.reload();
    list.set({ editing: 'a' });
    server.items = [rec('a', 'Loja A (renomeada)', 'active', 2)];
    expect(await list.update(() => Promise.reject(problem(412, 'Mudou.')), 'saved')).toBe(false);
    expect(list.editing).toBeUndefined();
    expect(list.items![0]!.name).toBe('Loja A (renomeada)');
    expect(list.status).toBe('stale');
    expect(host.changes).toBe(0);

    list.set({ editing: 'a' });
    expect(await list.update(() => Promise.reject(problem(422, 'Nome longo demais.')), 'saved')).toBe(false);
    expect(list.editError).toBe('Nome longo demais.');
    expect(list.editing).toBe('a');

    list.set({ editing: undefined, editError: '' });
    expect(await list.update(() => Promise.reject(problem(422, 'Não pode.')), 'inactivated')).toBe(false);
    expect(list.status).toBe('Não pode.');
    expect(list.editError).toBe('');
  });

  it('does nothing without a client', async () => {
    const host = fakeHost();
    const list = new RecordListController<ListedRecord>(host as unknown as RecordListHost, { list: () => undefined, done: () => '', stale: () => '' });
    await list.reload();
    expect(list.items).toBeUndefined();
    expect(await list.create(() => undefined)).toBeUndefined();
    expect(await list.update(() => undefined, 'saved')).toBe(false);
    expect(list.busy).toBe(false);
  });
});

/**
 * An in-memory stand-in for `createClient` with the parts `<cl-customer-table>` uses, shared by
 * the table's browser tests and the benchmark. It answers like the mock server (cursor pages with
 * `total`, random access by `offset`, masked documents in lists, an audit entry per full read) without a network, so the
 * benchmark measures the table and not HTTP, and tests can delay chosen answers.
 */
import type { AuditEntry, BulkRequest, Category, Customer, ExportRequest, Unit } from '@clientela/core';
import { customerDisplayName, maskDocument, searchKey } from '@clientela/core/format';
import { CUSTOMER_STATUSES, SETTABLE_STATUSES } from '@clientela/core/schemas';
import type { Client } from '../src/internal/clientela-element.js';

const FIRST = ['Ana', 'João', 'Maria', 'Pedro', 'Lucas', 'Juliana', 'Carlos', 'Fernanda', 'Rafael', 'Beatriz', 'Gabriel', 'Camila'];
const LAST = ['Silva', 'Souza', 'Oliveira', 'Santos', 'Pereira', 'Lima', 'Costa', 'Almeida', 'Ribeiro', 'Carvalho'];
const COMPANY = ['Comércio', 'Distribuidora', 'Mercado', 'Atacado', 'Indústria', 'Serviços'];
const STATUSES = ['active', 'active', 'active', 'inactive', 'blocked'] as const;
const SOURCES = ['admin', 'storefront', 'pos', 'import', 'api'] as const;

/** A valid CPF from a 9-digit base (check digits computed). */
export function cpfFrom(n: number): string {
  const base = String(n % 1_000_000_000).padStart(9, '0').split('').map(Number);
  const dv = (digits: number[]) => {
    const sum = digits.reduce((s, d, i) => s + d * (digits.length + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = dv(base);
  const d2 = dv([...base, d1]);
  return [...base, d1, d2].join('');
}

/** A valid numeric CNPJ from a number (check digits computed). */
export function cnpjFrom(n: number): string {
  const base = (String(n % 100_000_000).padStart(8, '0') + '0001').split('').map(Number);
  const dv = (digits: number[]) => {
    const weights = digits.length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const r = digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = dv(base);
  return [...base, d1, dv([...base, d1])].join('');
}

/** Customer number `i`, always the same for the same `i` (so every run sees the same data). */
export function makeCustomer(i: number): Customer {
  const company = i % 5 === 4;
  const created = new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % 1_800) * 86_400_000).toISOString();
  const orders = (i * 37) % 40;
  const common = {
    id: `cus_${String(i).padStart(7, '0')}`,
    status: STATUSES[i % STATUSES.length]!,
    email: `cliente${i}@exemplo.com.br`,
    phone: `+55119${String(10_000_000 + ((i * 7_654_321) % 89_999_999)).padStart(8, '0')}`,
    whatsapp: i % 3 !== 0,
    categoryIds: i % 4 === 0 ? ['cat_vip'] : i % 4 === 1 ? ['cat_atacado', 'cat_antiga'] : [],
    marketingConsent: { email: true, sms: false, whatsapp: i % 2 === 0 },
    source: SOURCES[i % SOURCES.length]!,
    account: { status: 'none' as const },
    loyaltyCard: i % 6 === 0 ? `FID-${100000 + i}` : undefined,
    discountPercent: i % 10 === 0 ? 5 : undefined,
    stats: {
      ordersCount: orders,
      totalSpentCents: orders * ((i * 131) % 50_000),
      firstPurchaseAt: orders ? new Date(Date.parse(created) + 86_400_000).toISOString() : null,
      lastPurchaseAt: orders ? new Date(Date.parse(created) + 30 * 86_400_000).toISOString() : null,
      visitsCount: orders * 2,
      firstVisitAt: created,
      lastVisitAt: orders ? created : null,
      averageRating: null,
    },
    createdAt: created,
    updatedAt: created,
    version: 1,
  };
  if (company) {
    return { ...common, kind: 'company', document: cnpjFrom(i + 11_000_000), legalName: `${COMPANY[i % COMPANY.length]} ${LAST[i % LAST.length]} ${i} Ltda` } as Customer;
  }
  return {
    ...common,
    kind: 'person',
    document: cpfFrom(i * 7 + 100_000_000),
    firstName: FIRST[i % FIRST.length]!,
    lastName: `${LAST[(i * 3) % LAST.length]} ${i}`,
  } as Customer;
}

export const CATEGORIES: Category[] = [
  { id: 'cat_vip', name: 'VIP', color: '#b45309', status: 'active', discountPercent: 10, customerCount: 0, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 },
  { id: 'cat_atacado', name: 'Atacado', color: '#1d4ed8', status: 'active', customerCount: 0, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 },
  { id: 'cat_antiga', name: 'Campanha 2023', color: '#6b7280', status: 'inactive', customerCount: 0, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 },
] as Category[];

export interface FakeOptions {
  /** Rows generated lazily by index: the benchmark's million rows never all sit in memory. */
  count?: number;
  /** Or explicit records (tests that filter, sort and change data). */
  customers?: Customer[];
  /** The business's units (the table's unit selector); none by default. */
  units?: Unit[];
  /** Milliseconds to wait before answering a list call (per query), for race tests. */
  delay?: (query: Record<string, unknown>) => number;
  /** Make list calls fail (error-state tests); gets the call's query. */
  fail?: (query: Record<string, unknown>) => boolean;
  /** Make bulk calls fail (as a 503 does). */
  failBulk?: () => boolean;
  /** Make export calls fail (as a 503 does). */
  failExport?: () => boolean;
}

export interface FakeClient {
  client: Client;
  calls: { list: Record<string, unknown>[]; bulk: { body: BulkRequest; idempotencyKey?: string | undefined }[]; exports: ExportRequest[] };
  audit: AuditEntry[];
  customers: Customer[] | undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (!ms) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
  });

/**
 * A list item for row `i`, built from a small pool of masked records: generating a million full
 * records one by one would make the fake, not the table, the slow part of a far jump.
 */
const POOL = Array.from({ length: 1024 }, (_, i) => {
  const c = makeCustomer(i);
  return { ...c, document: maskDocument(c.document) };
});
export function listItem(i: number): Customer {
  const base = POOL[i % POOL.length]!;
  const id = `cus_${String(i).padStart(7, '0')}`;
  return base.kind === 'company'
    ? { ...base, id, legalName: `${base.legalName.replace(/ \d+ Ltda$/, '')} ${i} Ltda` }
    : { ...base, id, lastName: `${base.lastName.replace(/ \d+$/, '')} ${i}` };
}

/** What the client throws for a 503 answer (a simulated outage), with the developer-facing detail. */
const unavailable = () =>
  Object.assign(new Error('Falha simulada (--fail-rate); tente de novo após Retry-After.'), { name: 'ApiError', status: 503 });

/** Builds a fake client. Unfiltered queries over `count` rows are answered by index, in O(page). */
export function fakeClient(options: FakeOptions = {}): FakeClient {
  const calls: FakeClient['calls'] = { list: [], bulk: [], exports: [] };
  const audit: AuditEntry[] = [];
  const data = options.customers;
  const count = options.count ?? data?.length ?? 0;

  const matches = (query: Record<string, unknown>) => {
    const q = typeof query['q'] === 'string' ? searchKey(query['q']) : '';
    const digits = q.replace(/\D/g, '');
    const statuses: readonly string[] = typeof query['status'] === 'string' ? query['status'].split(',') : SETTABLE_STATUSES;
    const cats = ([] as string[]).concat((query['categoryId'] as string | string[] | undefined) ?? []).flatMap((c) => c.split(','));
    return (c: Customer) =>
      (!query['kind'] || c.kind === query['kind']) &&
      statuses.includes(c.status) &&
      (!cats.length || cats.some((id) => c.categoryIds.includes(id))) &&
      (!q ||
        searchKey(customerDisplayName(c)).includes(q) ||
        (c.email ?? '').includes(q) ||
        (digits.length >= 4 && ((c.phone ?? '').includes(digits) || c.document.includes(digits))));
  };

  const sorter = (sort: string | undefined) => {
    if (!sort) return undefined;
    const desc = sort.startsWith('-');
    const field = desc ? sort.slice(1) : sort;
    const key = (c: Customer): string | number =>
      field === 'name' ? searchKey(customerDisplayName(c)) : field === 'totalSpent' ? c.stats.totalSpentCents : field === 'ordersCount' ? c.stats.ordersCount : field === 'lastPurchaseAt' ? (c.stats.lastPurchaseAt ?? '') : field === 'visitsCount' ? c.stats.visitsCount : field === 'status' ? CUSTOMER_STATUSES.indexOf(c.status) : c.createdAt;
    return (a: Customer, b: Customer) => {
      const x = key(a);
      const y = key(b);
      const r = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      return desc ? -r : r;
    };
  };

  const masked = (c: Customer): Customer => ({ ...c, document: maskDocument(c.document) });

  const client = {
    customers: {
      async list(query: Record<string, unknown> = {}, opts: { signal?: AbortSignal } = {}) {
        calls.list.push(query);
        await sleep(options.delay?.(query) ?? 0, opts.signal);
        opts.signal?.throwIfAborted();
        if (options.fail?.(query)) throw new TypeError('Failed to fetch');
        // Cursors are stringified offsets; `offset` (random access) is the same, but not both.
        if (query['offset'] !== undefined && query['cursor']) throw new TypeError('offset with cursor');
        const offset = Number(query['cursor'] ?? query['offset'] ?? 0);
        const limit = Number(query['limit'] ?? 50);
        if (!data) {
          // Generated rows: only `kind` is honoured, by arithmetic (every fifth row is a company),
          // so the tabs' counts over a million rows cost nothing.
          const kind = query['kind'];
          const size = kind === 'company' ? Math.floor((count + 1) / 5) : kind === 'person' ? count - Math.floor((count + 1) / 5) : count;
          const index = (j: number) => (kind === 'company' ? j * 5 + 4 : kind === 'person' ? j + Math.floor(j / 4) : j);
          const items: Customer[] = [];
          for (let j = offset; j < Math.min(size, offset + limit); j++) items.push(listItem(index(j)));
          return { items, total: size, nextCursor: offset + limit < size ? String(offset + limit) : null };
        }
        let all = data.filter(matches(query));
        const sort = sorter(query['sort'] as string | undefined);
        if (sort) all = all.sort(sort);
        return {
          items: all.slice(offset, offset + limit).map(masked),
          total: all.length,
          nextCursor: offset + limit < all.length ? String(offset + limit) : null,
        };
      },
      async retrieve(id: string) {
        const found = data ? data.find((c) => c.id === id) : makeCustomer(Number(id.slice(4)));
        if (!found) throw new Error('not found');
        audit.unshift({ id: `aud_${audit.length + 1}`, at: new Date().toISOString(), action: 'customer.reveal', actor: { keyId: 'sk_test' }, target: id, count: 1 });
        return structuredClone(found);
      },
      async bulk(body: BulkRequest, opts: { idempotencyKey?: string } = {}) {
        calls.bulk.push({ body, idempotencyKey: opts.idempotencyKey });
        if (options.failBulk?.()) throw unavailable();
        const targets = (body.ids ? (data ?? []).filter((c) => body.ids!.includes(c.id)) : (data ?? []).filter(matches(body.filter ?? {}))).filter((c) => !body.exceptIds?.includes(c.id));
        for (const c of targets) {
          if (body.action === 'setStatus') c.status = body.status!;
          if (body.action === 'delete') c.status = 'deleted';
          if (body.action === 'addCategories') c.categoryIds = [...new Set([...c.categoryIds, ...body.categoryIds!])];
          if (body.action === 'removeCategories') c.categoryIds = c.categoryIds.filter((id) => !body.categoryIds!.includes(id));
        }
        audit.unshift({ id: `aud_${audit.length + 1}`, at: new Date().toISOString(), action: 'bulk', actor: { keyId: 'sk_test' }, count: targets.length });
        return { matched: targets.length, updated: targets.length };
      },
    },
    categories: {
      async list() {
        return CATEGORIES;
      },
    },
    units: {
      async list() {
        return options.units ?? [];
      },
    },
    exports: {
      async download(request: ExportRequest) {
        calls.exports.push(request);
        return { blob: new Blob(['id\n'], { type: 'text/csv' }), filename: `clientes.${request.format}` };
      },
      /** A CSV of the requested rows (id, name), streamed a few rows per chunk like the server's. */
      async stream(request: ExportRequest, opts: { signal?: AbortSignal } = {}) {
        calls.exports.push(request);
        if (options.failExport?.()) throw unavailable();
        const rows = (request.ids ? (data ?? []).filter((c) => request.ids!.includes(c.id)) : (data ?? []).filter(matches((request.filter ?? {}) as Record<string, unknown>))).filter(
          (c) => !request.exceptIds?.includes(c.id),
        );
        const lines = ['\uFEFFid,nome\r\n', ...rows.map((c) => `${c.id},"${customerDisplayName(c)}"\r\n`)];
        const encoder = new TextEncoder();
        let at = 0;
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await sleep(1, opts.signal);
            if (at >= lines.length) return controller.close();
            controller.enqueue(encoder.encode(lines.slice(at, (at += 5)).join('')));
          },
        });
        return { stream, filename: `clientes.${request.format}`, contentType: 'text/csv' };
      },
    },
    audit: {
      async list() {
        return { items: [...audit], nextCursor: null };
      },
    },
  };
  return { client: client as unknown as Client, calls, audit, customers: data };
}

import { expect, expectStatus } from './assert.js';
import { MARKER, newCpf, newMobile } from './fixtures.js';
import { Http, type Reply, type RequestOptions, type Target } from './http.js';
import type { Runner } from './runner.js';

// Request bodies are plain JSON built by the checks; `any` keeps overrides short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

/** What every check shares: the HTTP client, the run id, the runner, and what the run created. */
export class Session {
  readonly http: Http;
  readonly target: Target;
  readonly run: string;
  readonly runner: Runner;
  /** Ids of customers this run created (cleaned up at the end, with anything else marked). */
  readonly customers = new Set<string>();
  /** Ids of categories this run created (inactivated at the end: categories are never deleted). */
  readonly categories = new Set<string>();
  #seq = 0;

  constructor(target: Target, run: string, runner: Runner) {
    this.http = new Http(target);
    this.target = target;
    this.run = run;
    this.runner = runner;
  }

  /** A number unique within the run, for e-mails and names. */
  next(): number {
    return ++this.#seq;
  }

  /** The `notes` every customer of the run carries. */
  get notes(): string {
    return `${MARKER} ${this.run}`;
  }

  email(label: string | number = this.next()): string {
    return `conformance.${this.run}.${label}@example.com`;
  }

  /** A valid person create body, marked; `overrides` replace fields (`undefined` removes one). */
  person(overrides: Body = {}): Body {
    const n = this.next();
    return clean({
      kind: 'person',
      document: newCpf(),
      firstName: 'Teste',
      lastName: `Conformidade ${this.run}`,
      email: this.email(n),
      phone: newMobile(),
      notes: this.notes,
      ...overrides,
    });
  }

  /** A valid company create body, marked. */
  company(document: string, overrides: Body = {}): Body {
    const n = this.next();
    return clean({
      kind: 'company',
      document,
      legalName: `Conformidade ${this.run} Comércio Ltda`,
      email: this.email(n),
      notes: this.notes,
      ...overrides,
    });
  }

  /** `POST /v1/customers`; remembers the id of a 201 for the cleanup. */
  async create(body: Body, options: RequestOptions = {}): Promise<Reply> {
    const reply = await this.http.post('/v1/customers', body, options);
    if (reply.status === 201 && typeof reply.json?.id === 'string') this.customers.add(reply.json.id);
    return reply;
  }

  /** Creates a customer that a check needs, failing the check when the backend refuses it. */
  async mustCreate(body: Body): Promise<Body> {
    const reply = await this.create(body);
    expectStatus(reply, 201);
    expect(typeof reply.json?.id === 'string', 'POST /v1/customers: the 201 body has no id');
    return reply.json as Body;
  }

  /** `POST /v1/categories` with a marked name; remembers the id. */
  async mustCreateCategory(label: string, extra: Body = {}): Promise<Body> {
    const reply = await this.http.post('/v1/categories', { name: `Conformidade ${this.run} ${label}`, ...extra });
    expectStatus(reply, 201);
    this.categories.add(reply.json.id);
    return reply.json as Body;
  }

  /** Every customer (any status but deleted) whose search text holds the run id, by name. */
  async listRun(query = ''): Promise<Body[]> {
    const items: Body[] = [];
    let cursor: string | null = null;
    do {
      const reply: Reply = await this.http.get(`/v1/customers?q=${this.run}&sort=name&limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expectStatus(reply, 200);
      items.push(...(reply.json.items as Body[]));
      cursor = reply.json.nextCursor;
    } while (cursor);
    return items;
  }
}

function clean(body: Body): Body {
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

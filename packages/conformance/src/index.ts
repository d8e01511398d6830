import { accountChecks } from './checks/account.js';
import { auditChecks } from './checks/audit.js';
import { automaticCategoryChecks } from './checks/automatic-categories.js';
import { categoryChecks } from './checks/categories.js';
import { viewChecks } from './checks/views.js';
import { concurrencyChecks } from './checks/concurrency.js';
import { documentChecks } from './checks/documents.js';
import { fileChecks } from './checks/files.js';
import { filterChecks } from './checks/filters.js';
import { keyChecks } from './checks/keys.js';
import { listChecks } from './checks/lists.js';
import { maskingChecks } from './checks/masking.js';
import { creditChecks, orderChecks } from './checks/orders.js';
import { problemChecks } from './checks/problems.js';
import { searchChecks } from './checks/search.js';
import { settingsChecks } from './checks/settings.js';
import { systemChecks } from './checks/system.js';
import { unitChecks } from './checks/units.js';
import { eventChecks } from './checks/events.js';
import { messageChecks } from './checks/messages.js';
import { pushChecks } from './checks/push.js';
import { automationChecks } from './checks/automations.js';
import { syncChecks } from './checks/sync.js';
import { apiKeyChecks } from './checks/api-keys.js';
import { consentChecks, duplicateChecks, privacyChecks } from './checks/privacy.js';
import { MARKER, newRunId } from './fixtures.js';
import type { Target } from './http.js';
import { Runner, type CheckResult, type Report } from './runner.js';
import { Session } from './session.js';

export { MARKER } from './fixtures.js';
export type { Target } from './http.js';
export type { CheckResult, Report } from './runner.js';

/** The areas of the contract, in the order they run. */
export const AREAS = {
  system: systemChecks,
  keys: keyChecks,
  problems: problemChecks,
  documents: documentChecks,
  masking: maskingChecks,
  lists: listChecks,
  filters: filterChecks,
  search: searchChecks,
  concurrency: concurrencyChecks,
  categories: categoryChecks,
  views: viewChecks,
  orders: orderChecks,
  credits: creditChecks,
  units: unitChecks,
  sync: syncChecks,
  'automatic-categories': automaticCategoryChecks,
  settings: settingsChecks,
  account: accountChecks,
  files: fileChecks,
  audit: auditChecks,
  events: eventChecks,
  messages: messageChecks,
  automations: automationChecks,
  push: pushChecks,
  'api-keys': apiKeyChecks,
  consent: consentChecks,
  privacy: privacyChecks,
  duplicates: duplicateChecks,
} as const satisfies Record<string, (s: Session) => Promise<void>>;

export type Area = keyof typeof AREAS;

export interface ConformanceOptions extends Target {
  /** Where each line goes (default: stdout). */
  print?: (line: string) => void;
  /** Run only these areas. */
  only?: readonly Area[];
  /** The run id that marks every record (default: random, `cf` + 8 letters). */
  runId?: string;
}

/**
 * Runs the contract against a backend as an outside client: one line per check with the clause
 * it tests, then a summary. Every customer it creates carries `notes: "clientela-conformance
 * <run id>"` and the run id in its name and e-mail; at the end they are deleted (soft, as the
 * contract deletes) and the run's categories inactivated (the contract never deletes them).
 *
 * @example
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:4010', secretKey: 'sk_…', publishableKey: 'pk_…' });
 * process.exitCode = report.failed ? 1 : 0;
 */
export async function runConformance(options: ConformanceOptions): Promise<Report> {
  const print = options.print ?? ((line: string) => console.log(line));
  const runner = new Runner(print, options.only);
  const run = options.runId ?? newRunId();
  const session = new Session(options, run, runner);
  const started = performance.now();
  print(`Clientela conformance: ${options.baseUrl}, run ${run} (records marked "${MARKER} ${run}")`);
  try {
    for (const [area, checks] of Object.entries(AREAS)) {
      if (runner.wants(area)) await checks(session);
    }
  } finally {
    runner.begin('cleanup', 'delete the run\'s customers (soft) and inactivate its categories');
    await runner.check('every customer and category this run created is deleted or inactivated', () => cleanup(session));
  }
  const report = runner.report(Math.round(performance.now() - started));
  print('');
  print(`${report.results.length} checks: ${report.passed} passed, ${report.failed} failed (${(report.ms / 1000).toFixed(1)} s)`);
  if (report.failed) {
    print('Failed:');
    for (const r of report.results.filter((x: CheckResult) => !x.ok)) print(`  ${r.area} · ${r.clause}`);
  }
  return report;
}

async function cleanup(s: Session): Promise<void> {
  const { http } = s;
  // Also whatever the run made without an id in hand (imports, registrations that raced).
  const found = await s.listRun('&status=active,inactive,blocked').catch(() => []);
  for (const c of found) s.customers.add(c.id as string);
  const failures: string[] = [];
  for (const id of s.customers) {
    const r = await http.delete(`/v1/customers/${id}`);
    if (r.status !== 200 && r.status !== 404) failures.push(`DELETE /v1/customers/${id} → ${r.status}`);
  }
  for (const id of s.categories) {
    const r = await http.get(`/v1/categories/${id}`);
    if (r.status !== 200 || r.json.status === 'inactive') continue;
    const p = await http.patch(`/v1/categories/${id}`, { status: 'inactive' }, { headers: { 'If-Match': r.headers.get('etag') ?? '*' } });
    if (p.status !== 200) failures.push(`PATCH /v1/categories/${id} → ${p.status}`);
  }
  if (failures.length) throw new Error(failures.join('; '));
}

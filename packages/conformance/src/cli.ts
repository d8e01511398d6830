#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { AREAS, runConformance, type Area } from './index.js';

const HELP = `Usage: clientela-conformance --base-url <url> --secret-key <sk_…> --publishable-key <pk_…> [options]

Runs the Clientela HTTP contract against a backend as an outside client would, prints one line
per check with the clause it tests, then a summary. Exits 1 when a check fails, 2 on bad usage.

  --base-url <url>          the server's root (routes are under /v1), e.g. https://api.example.com
  --secret-key <key>        a secret key (sk_…); also CLIENTELA_SECRET_KEY
  --publishable-key <key>   a publishable key (pk_…); also CLIENTELA_PUBLISHABLE_KEY
  --only <areas>            comma-separated areas: ${Object.keys(AREAS).join(', ')}
  --run-id <id>             the marker of this run's records (default: random, cf + 8 letters)
  --help

Records the run creates carry notes "clientela-conformance <run id>" and the run id in their
names and e-mails; at the end they are deleted (soft) and its categories inactivated.`;

function fail(message: string): never {
  console.error(`clientela-conformance: ${message}\n\n${HELP}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        'base-url': { type: 'string' },
        'secret-key': { type: 'string' },
        'publishable-key': { type: 'string' },
        only: { type: 'string' },
        'run-id': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const baseUrl = values['base-url'] ?? process.env.CLIENTELA_BASE_URL;
const secretKey = values['secret-key'] ?? process.env.CLIENTELA_SECRET_KEY;
const publishableKey = values['publishable-key'] ?? process.env.CLIENTELA_PUBLISHABLE_KEY;
if (!baseUrl || !/^https?:\/\//.test(baseUrl)) fail('--base-url must be an http(s) URL');
if (!secretKey) fail('--secret-key is required');
if (!publishableKey) fail('--publishable-key is required');
const only = values.only?.split(',').map((a) => a.trim()).filter(Boolean);
for (const area of only ?? []) if (!(area in AREAS)) fail(`unknown area "${area}"`);
if (values['run-id'] !== undefined && !/^[a-z]{4,20}$/.test(values['run-id'])) fail('--run-id takes 4 to 20 lowercase letters');

const report = await runConformance({
  baseUrl,
  secretKey,
  publishableKey,
  ...(only ? { only: only as Area[] } : {}),
  ...(values['run-id'] ? { runId: values['run-id'] } : {}),
});
process.exit(report.failed ? 1 : 0);

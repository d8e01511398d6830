import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Starts the built mock server as a child process for the browser tests, so that they talk to it
 * over real HTTP and CORS, as a page would. Builds nothing: `npm test` runs `tsc -b` first.
 */

const CLI = fileURLToPath(new URL('../packages/mock-server/dist/cli.js', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running mock server's root, e.g. `http://127.0.0.1:40123` (no `/v1`). */
    mockServerUrl: string;
    /** Its API keys, read from the CLI's output (empty when the CLI does not print them). */
    mockServerKeys: { secret: string; publishable: string };
  }
}

/** What the CLI prints first; the keys follow on the next lines. */
const LISTENING = /listening on (https?:\/\/\S+)/;

export default async function setup(project: TestProject) {
  if (!existsSync(CLI)) {
    throw new Error(`The browser tests need the built mock server (${CLI}); run \`npx tsc -b\` first (\`npm test\` does).`);
  }
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', '300', '--cors', '*'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`The mock server did not start: ${why}\n${errors}`));
    const timer = setTimeout(() => fail('no "listening on" line within 60 s'), 60_000);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`it exited with code ${code}`));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = LISTENING.exec(output);
      // Wait for the line after the URL too, where the keys are printed, when there is one.
      if (match?.[1] && (/\bpk_\w+/.test(output) || output.split('\n').length > 3)) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      }
    });
  });
  child.removeAllListeners('exit');

  project.provide('mockServerUrl', url);
  project.provide('mockServerKeys', {
    secret: /\bsk_\w+/.exec(output)?.[0] ?? '',
    publishable: /\bpk_\w+/.exec(output)?.[0] ?? '',
  });

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  };
}

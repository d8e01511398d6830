// Types of examples-harness.mjs, for the end-to-end tests written in TypeScript.
import type { ChildProcess } from 'node:child_process';

export const SECRET_KEY: string;
export const PUBLISHABLE_KEY: string;

export interface StartedMockServer {
  url: string;
  output: string;
  child: ChildProcess;
  close(): Promise<void>;
}
export function startMockServer(options?: {
  port?: number;
  seed?: number;
  db?: string;
  extraArgs?: string[];
  log?: boolean;
}): Promise<StartedMockServer>;

export interface StartedExamples {
  url: string;
  adminUrl: string;
  storefrontUrl: string;
  docsUrl: string;
  reactUrl: string;
  close(): Promise<void>;
}
export function startExamples(options: { apiUrl: string; port?: number }): Promise<StartedExamples>;

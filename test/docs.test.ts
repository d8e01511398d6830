import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository documents itself: a reader of any file can open every document it cites.

const root = fileURLToPath(new URL('..', import.meta.url));
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('documents the repository cites', () => {
  it('every relative link of a Markdown file points at a file or folder in the repository', () => {
    const broken: string[] = [];
    for (const file of tracked.filter((f) => f.endsWith('.md') && !f.startsWith('.changeset/'))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = target!.split('#')[0]!;
        if (path && !existsSync(join(root, dirname(file), path))) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no file names a Markdown document that is not in the repository', () => {
    const names = new Set(tracked.filter((f) => f.endsWith('.md')).map((f) => f.split('/').pop()!));
    const missing: string[] = [];
    for (const file of tracked.filter((f) => /\.(ts|tsx|mjs|js|md|html|json)$/.test(f) && f !== 'package-lock.json')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [name] of text.matchAll(/\b[A-Z][A-Z0-9_-]+\.md\b/g)) if (!names.has(name)) missing.push(`${file}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});

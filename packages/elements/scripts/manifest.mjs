// Post-processes custom-elements.json: Lit's internal reactive state (properties named `_…` or
// declared `state: true`) is not public API, so it is dropped from attributes and members.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../custom-elements.json', import.meta.url));
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const isPrivate = (entry) => entry.name?.startsWith('_') || entry.name?.startsWith('#') || entry.privacy === 'private' || entry.privacy === 'protected';
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !isPrivate(a) && !a.fieldName?.startsWith('_'));
    if (decl.members) decl.members = decl.members.filter((m) => !isPrivate(m));
  }
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);

// Post-processes custom-elements.json. The analyzer reads Lit's `static properties`, but it
// does not know that `state: true` entries (and `_`-prefixed names) are internal reactive state,
// not public API, so they are dropped here; so are events it could not name.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = `${root}custom-elements.json`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));

function internalNames(path) {
  const source = readFileSync(`${root}${path}`, 'utf8');
  return new Set([...source.matchAll(/(\w+)\s*:\s*\{[^}]*\bstate:\s*true/g)].map((m) => m[1]));
}

const isPrivate = (name, internal) =>
  !name || name.startsWith('_') || name.startsWith('#') || internal.has(name);

for (const mod of manifest.modules ?? []) {
  const internal = mod.path?.endsWith('.ts') ? internalNames(mod.path) : new Set();
  for (const decl of mod.declarations ?? []) {
    if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !isPrivate(a.fieldName ?? a.name, internal));
    if (decl.members) {
      decl.members = decl.members.filter(
        (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !isPrivate(m.name, internal),
      );
    }
    if (decl.events) decl.events = decl.events.filter((e) => e.name);
  }
}
// Classes marked `@internal` (parts of another element, not for pages) are left out by the
// analyzer; drop the tag definitions that still point at them, so no tag is documented without
// its class.
const declared = new Set((manifest.modules ?? []).flatMap((m) => (m.declarations ?? []).map((d) => d.name)));
for (const mod of manifest.modules ?? []) {
  if (mod.exports) mod.exports = mod.exports.filter((e) => e.kind !== 'custom-element-definition' || declared.has(e.declaration?.name));
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);

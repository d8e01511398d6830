// Builds data/cep-cities.json, the offline table of CEP ranges per municipality (#16 §3), from a
// list of the Correios' ranges per locality: rows `{ UF, cidade, inicio, final }` (the source
// named in data/README.md keeps them in a TypeScript module; pass its path).
//
//   node data/scripts/build-cep-cities.mjs <path to the source list>
//
// What it does to the source, so the table can be trusted by its tests:
// - the UF-wide rows (`cidade` equal to the UF) are dropped: core's stateOfCep already knows them;
// - each city name is matched to the IBGE list that @brazilian-utils/brazilian-utils ships
//   (ignoring case and accents), the Correios' spellings that differ from the IBGE's are mapped by
//   hand below, and a name that still matches nothing stops the build;
// - a city listed twice (the Correios give the whole municipality and its coded urban area, one
//   inside the other) keeps the union of its overlapping ranges;
// - the rows are written as `[first CEP, last CEP, IBGE code]`, sorted by first CEP; the name and
//   UF are read from the IBGE list at load time, so they are spelled one way only.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getMunicipalities } from '@brazilian-utils/brazilian-utils';

const source = process.argv[2];
if (!source) {
  console.error('usage: node data/scripts/build-cep-cities.mjs <source list>');
  process.exit(2);
}

// Correios spelling → IBGE spelling (same municipality; checked by code in the IBGE list).
const ALIASES = {
  'BA|Muquém de São Francisco': 'Muquém do São Francisco',
  'BA|Santa Teresinha': 'Santa Terezinha',
  'MG|Barão de Monte Alto': 'Barão do Monte Alto',
  'MG|Dona Eusébia': 'Dona Euzébia',
  'MG|São Thomé das Letras': 'São Tomé das Letras',
  'MT|Santo Antônio do Leverger': 'Santo Antônio de Leverger',
  'PA|Eldorado dos Carajás': 'Eldorado do Carajás',
  'PE|Iguaraci': 'Iguaracy',
  'PE|Lagoa do Itaenga': 'Lagoa de Itaenga',
  'RN|Açu': 'Assú',
  'RN|Ares': 'Arez',
  // Januário Cicco is the IBGE's name; the Correios list it under both (one range).
  'RN|Boa Saúde': 'Januário Cicco',
  // Renamed Campo Grande (RN) in 1991 by state law; the Correios kept the old name.
  'RN|Augusto Severo': 'Campo Grande',
  'RR|São Luiz': 'São Luiz do Anauá',
  'SE|Amparo de São Francisco': 'Amparo do São Francisco',
  'SP|Florínia': 'Florínea',
  'SP|São Luis do Paraitinga': 'São Luiz do Paraitinga',
  'TO|Fortaleza do Tabocão': 'Tabocão',
};

const key = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

// The source is a TypeScript module exporting one array literal of JSON objects.
const text = readFileSync(source, 'utf8');
const rows = JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1));

const byCode = new Map();
const unknown = [];
for (const { UF, cidade, inicio, final } of rows) {
  if (cidade === UF) continue;
  const name = ALIASES[`${UF}|${cidade}`] ?? cidade;
  const m = getMunicipalities(UF).find((x) => key(x.name) === key(name));
  if (!m) {
    unknown.push(`${UF} ${cidade}`);
    continue;
  }
  const ranges = byCode.get(m.code) ?? [];
  ranges.push([inicio, final]);
  byCode.set(m.code, ranges);
}
if (unknown.length) {
  console.error(`not in the IBGE list: ${unknown.join(', ')}`);
  process.exit(1);
}

const out = [];
for (const [code, ranges] of byCode) {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  for (const [from, to] of merged) out.push([String(from).padStart(8, '0'), String(to).padStart(8, '0'), code]);
}
out.sort((a, b) => a[0].localeCompare(b[0]));

const target = fileURLToPath(new URL('../cep-cities.json', import.meta.url));
// One row a line: reviewable diffs when the source is refreshed.
writeFileSync(target, `[\n${out.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${out.length} ranges of ${byCode.size} municipalities → ${target}`);

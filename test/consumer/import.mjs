// An ES module consumer: import of every entry point of the packed package, which must export
// the same names as under require (scripts/check-consumers.mjs).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { explain, parsePatientFacts, screen } from 'acuspine';

const require = createRequire(import.meta.url);

assert.equal(screen({ ageYears: 80 }).status, 'contraindicated');
assert.deepEqual(screen({ ageYears: 80 }).contraindications, ['age']);
assert.equal(parsePatientFacts({ pregnancy: true }).ok, false);

const { ru } = await import('acuspine/locales/ru');
assert.equal(explain(screen({ pregnant: true }), { locale: ru }).label, 'Противопоказано');
assert.equal(explain(screen({ pregnant: true })).label, 'Contraindicated');

const manifestPath = import.meta.resolve('acuspine/package.json');
assert.match(manifestPath, /node_modules\/acuspine\/package\.json$/);
const manifest = require('acuspine/package.json');

for (const subpath of Object.keys(manifest.exports)) {
  if (subpath === './package.json') continue;
  const specifier = subpath === '.' ? 'acuspine' : `acuspine/${subpath.slice(2)}`;
  const imported = await import(specifier);
  const required = require(specifier);
  const names = Object.keys(imported).filter((name) => name !== 'default');
  assert.ok(names.length > 0, `${specifier} exports nothing under import`);
  assert.deepEqual(
    names.sort(),
    Object.keys(required).sort(),
    `${specifier}: import and require export different names`,
  );
}
console.log(`import: ${Object.keys(manifest.exports).join(', ')} ok`);

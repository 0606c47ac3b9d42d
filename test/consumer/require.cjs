// A CommonJS consumer: require() of every entry point of the packed package (scripts/check-consumers.mjs).
const assert = require('node:assert/strict');

const core = require('acuspine');
assert.equal(core.screen({ ageYears: 80 }).status, 'contraindicated');
assert.deepEqual(core.screen({ ageYears: 80 }).contraindications, ['age']);
assert.equal(core.parsePatientFacts({ pregnancy: true }).ok, false);

const { ru } = require('acuspine/locales/ru');
assert.equal(core.explain(core.screen({ pregnant: true }), { locale: ru }).label, 'Противопоказано');

const manifest = require('acuspine/package.json');
assert.equal(manifest.name, 'acuspine');

for (const subpath of Object.keys(manifest.exports)) {
  if (subpath === '.' || subpath === './package.json') continue;
  const entry = require(`acuspine/${subpath.slice(2)}`);
  assert.ok(Object.keys(entry).length > 0, `acuspine/${subpath.slice(2)} exports nothing under require`);
}
console.log(`require: ${Object.keys(manifest.exports).join(', ')} ok`);

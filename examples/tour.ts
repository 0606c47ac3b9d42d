// The tour (`npm start`): what acuspine does, against the built package, in one short run.
// It checks what it prints, so it doubles as a test (`npm run examples`).
import assert from 'node:assert/strict';
import { type PatientFacts, cautionRuleSet, defineRuleSet, parsePatientFacts, protocolRuleSet, screen } from 'acuspine';

const line = (text = '') => console.log(text);

line('acuspine: screening rules for acupuncture in spinal osteochondrosis (decision support for clinicians)');
line();
line(`1. Screening sample patients against "${protocolRuleSet.id}" v${protocolRuleSet.version}`);

const samples: { label: string; facts: PatientFacts }[] = [
  {
    label: 'complete record, nothing present',
    facts: {
      ageYears: 48,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    },
  },
  { label: 'aged 76, otherwise unrecorded', facts: { ageYears: 76 } },
  {
    label: 'pregnancy not recorded',
    facts: {
      ageYears: 34,
      oncologicalDisease: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    },
  },
];
const statuses: string[] = [];
for (const { label, facts } of samples) {
  const result = screen(facts);
  statuses.push(result.status);
  const detail =
    result.status === 'contraindicated'
      ? `contraindications: ${result.contraindications.join(', ')} (refer for another method of treatment)`
      : result.status === 'incomplete'
        ? `ask next: ${result.missing.join(', ')}`
        : 'no contraindication found';
  line(`   - ${label}: ${result.status}; ${detail}`);
}
assert.deepEqual(statuses, ['eligible', 'contraindicated', 'incomplete']);

line();
line('2. Untrusted input is parsed, never guessed');
const typo = parsePatientFacts({ ageYears: 40, pregnancy: false });
assert.equal(typo.ok, false);
if (!typo.ok) for (const issue of typo.issues) line(`   - ${issue.code} at ${issue.path.join('.')}: ${issue.message}`);

line();
line('3. Opt-in cautions beyond the protocol, combined in one line');
const withCautions = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});
const anticoagulated = screen(
  {
    ...samples[0]?.facts,
    anticoagulantTherapy: true,
    pacemaker: false,
    skinLesionAtSite: false,
    needlePhobia: false,
    epilepsy: false,
  },
  { ruleSet: withCautions },
);
line(`   - anticoagulated patient: ${anticoagulated.status}; cautions: ${anticoagulated.cautions.join(', ')}`);
assert.equal(anticoagulated.status, 'caution');
assert.deepEqual(anticoagulated.cautions, ['anticoagulant-therapy']);

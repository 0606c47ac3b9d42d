import {
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  type PatientFacts,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';

/** A patient with every protocol fact recorded and none present. */
export const healthyFacts: PatientFacts = Object.freeze({
  ageYears: 52,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
});

export const eligible = screen(healthyFacts);

export const protocolAndCautions = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '2',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});

export const withCaution = screen(
  {
    ...healthyFacts,
    anticoagulantTherapy: true,
    pacemaker: false,
    electroacupuncturePlanned: false,
    skinLesionAtSite: false,
    needlePhobia: false,
    epilepsy: false,
  },
  { ruleSet: protocolAndCautions },
);

export const contraindicated = screen({ ...healthyFacts, ageYears: 80, pregnant: true });

export const incomplete = screen({ ageYears: 52, pregnant: false });

/** The protocol with the red flags after it. */
export const protocolAndRedFlags = extendProtocol({
  id: 'protocol-and-red-flags',
  version: '1',
  rules: [...redFlagRuleSet.rules],
});

/** Every red flag recorded and none present. */
export const noRedFlags: PatientFacts = Object.freeze(
  Object.fromEntries(redFlagFactNames.map((fact) => [fact, false])),
);

/** A healthy patient with one red flag, and every other fact recorded, screened with the protocol and the red flags. */
export function referredFor(facts: PatientFacts) {
  return screen({ ...healthyFacts, ...noRedFlags, ...facts }, { ruleSet: protocolAndRedFlags });
}

/** The weekday of an ISO date computed independently of the library (UTC, so no zone shift). */
export function weekdayOf(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][date.getUTCDay()] as string;
}

/** The ISO date `days` after `iso`, computed independently of the library. */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

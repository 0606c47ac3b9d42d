// An internal fast path for cohorts: tells, without allocating, that parsePatientFacts would
// accept a record, so that a cohort of a million records need not copy each one. It answers
// true only when it is certain; on false, callers fall back to parsePatientFacts, which then
// decides (and names the issues). Not exported from the package.
import { isFactName, MAX_AGE_YEARS, type PatientFacts } from './patient-facts.js';
import { prototypeHoldsAFact } from './prototype-holds-a-fact.js';

/**
 * True when `input` is a plain object (prototype `Object.prototype` or `null`) whose every
 * enumerable key is a patient fact and whose every fact, enumerable or not, holds a valid value,
 * `null` or `undefined`: exactly the records that `parsePatientFacts` accepts, restricted to
 * plain objects. A polluted `Object.prototype` makes this answer false (`for...in` visits
 * inherited enumerable keys too), never a wrong true, and its facts are never read. Never throws.
 */
export function isPlainPatientFacts(input: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Object.getPrototypeOf below rejects the same values (it throws for null, caught, and gives a non-plain prototype for a primitive); this line narrows the type
  if (typeof input !== 'object' || input === null) return false;
  try {
    const prototype = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return false;
    // A fact on Object.prototype: parsePatientFacts decides, and never reads it.
    if (prototypeHoldsAFact()) return false;
    for (const key in input) if (!isFactName(key)) return false;
    // Named reads, one per fact, as screen's: they see own properties, enumerable or not, and
    // stay fast on records of one shape.
    const facts = input as PatientFacts;
    return (
      isAge(facts.ageYears) &&
      isBoolean(facts.oncologicalDisease) &&
      isBoolean(facts.pregnant) &&
      isBoolean(facts.coagulationDisorder) &&
      isBoolean(facts.acuteInfection) &&
      isBoolean(facts.acuteMentalIllness) &&
      isBoolean(facts.psychotropicInfluence) &&
      isBoolean(facts.anticoagulantTherapy) &&
      isBoolean(facts.pacemaker) &&
      isBoolean(facts.electroacupuncturePlanned) &&
      isBoolean(facts.skinLesionAtSite) &&
      isBoolean(facts.needlePhobia) &&
      isBoolean(facts.epilepsy)
    );
  } catch {
    return false;
  }
}

/** A valid age, or not recorded. */
function isAge(value: unknown): boolean {
  return value == null || (typeof value === 'number' && value >= 0 && value < MAX_AGE_YEARS);
}

/** A boolean, or not recorded. */
function isBoolean(value: unknown): boolean {
  return value == null || typeof value === 'boolean';
}

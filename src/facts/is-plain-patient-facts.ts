// An internal fast path for cohorts: tells, without allocating, that parsePatientFacts would
// accept a record, so that a cohort of a million records need not copy each one. It answers
// true only when it is certain; on false, callers fall back to parsePatientFacts, which then
// decides (and names the issues). Not exported from the package.
import { MAX_AGE_YEARS } from './patient-facts.js';

/**
 * True when `input` is a plain object (prototype `Object.prototype` or `null`) whose every
 * enumerable key is a patient fact holding a valid value, `null` or `undefined`: exactly the
 * records that `parsePatientFacts` accepts, restricted to plain objects. `for...in` visits
 * inherited enumerable keys too, so a polluted `Object.prototype` makes this answer false,
 * never a wrong true. Never throws.
 */
export function isPlainPatientFacts(input: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Object.getPrototypeOf below rejects the same values (it throws for null, caught, and gives a non-plain prototype for a primitive); this line narrows the type
  if (typeof input !== 'object' || input === null) return false;
  try {
    const prototype = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in input) {
      const raw = (input as Record<string, unknown>)[key];
      switch (key) {
        case 'ageYears':
          if (raw != null && !(typeof raw === 'number' && raw >= 0 && raw < MAX_AGE_YEARS)) return false;
          break;
        case 'oncologicalDisease':
        case 'pregnant':
        case 'coagulationDisorder':
        case 'acuteInfection':
        case 'acuteMentalIllness':
        case 'psychotropicInfluence':
        case 'anticoagulantTherapy':
        case 'pacemaker':
        case 'electroacupuncturePlanned':
        case 'skinLesionAtSite':
        case 'needlePhobia':
        case 'epilepsy':
          if (raw != null && typeof raw !== 'boolean') return false;
          break;
        default:
          return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

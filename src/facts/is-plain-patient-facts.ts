// An internal fast path for cohorts: tells, without allocating, that parsePatientFacts would
// accept a record, so that a cohort of a million records need not copy each one. It answers
// true only when it is certain; on false, callers fall back to parsePatientFacts, which then
// decides (and names the issues). Not exported from the package.
import { factNames, MAX_AGE_YEARS } from './patient-facts.js';
import { prototypeHoldsAFact } from './prototype-holds-a-fact.js';

/**
 * True when `input` is a plain object (prototype `Object.prototype` or `null`) whose every
 * enumerable key is a patient fact and whose every fact, enumerable or not, holds a valid value,
 * `null` or `undefined`: exactly the records that `parsePatientFacts` accepts, restricted to
 * plain objects. A polluted `Object.prototype` makes this answer false (`for...in` visits
 * inherited enumerable keys too), never a wrong true, and its facts are never read. Reads each
 * fact once. Never throws.
 */
export function isPlainPatientFacts(input: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Object.getPrototypeOf below rejects the same values (it throws for null, caught, and gives a non-plain prototype for a primitive); this line narrows the type
  if (typeof input !== 'object' || input === null) return false;
  try {
    const prototype = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return false;
    // A fact on Object.prototype: parsePatientFacts decides, and never reads it.
    if (prototypeHoldsAFact()) return false;
    const record = input as Record<string, unknown>;
    // The enumerable keys, as `for...in` visits them fastest; a bit per fact seen, in two
    // 32-bit words (bitwise operators work on 32 bits, and there are more facts than that).
    let seenLow = 0;
    let seenHigh = 0;
    let keys = 0;
    for (const key in record) {
      const index = factIndex(key);
      if (index < 0 || !isValid(index, record[key])) return false;
      if (index < 32) {
        seenLow |= 1 << index;
      } else {
        // Stryker disable next-line ArithmeticOperator: equivalent, a shift count is taken modulo 32, so index + 32 shifts as far as index - 32
        seenHigh |= 1 << (index - 32);
      }
      // Stryker disable next-line UpdateOperator: equivalent, a wrong count only sends the record to the reads below, which read only the facts no key named and give the same answer
      keys++;
    }
    // Every own property enumerable, and each a fact seen above: the facts no key named are
    // absent. Reading each of them by name instead would cost more than the whole screening on
    // records of many shapes, where a read of an absent key misses V8's caches.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, without the shortcut the reads below give the same answer
    if (Object.getOwnPropertyNames(record).length === keys) return true;
    // The facts no key named: absent, or own and non-enumerable, which screen reads too.
    for (let index = 0; index < factNames.length; index++) {
      // Stryker disable next-line ArithmeticOperator: equivalent, a shift count is taken modulo 32, so index + 32 shifts as far as index - 32
      const seen = index < 32 ? seenLow & (1 << index) : seenHigh & (1 << (index - 32));
      if (seen === 0 && !isValid(index, record[factNames[index] as string])) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** A valid value for the fact at `index` in `factNames` (an age first), or not recorded. */
function isValid(index: number, value: unknown): boolean {
  if (value == null) return true;
  return index === 0 ? typeof value === 'number' && value >= 0 && value < MAX_AGE_YEARS : typeof value === 'boolean';
}

/** The index of a fact in `factNames`, or -1 for a key that is not a fact. */
function factIndex(key: string): number {
  switch (key) {
    case 'ageYears':
      return 0;
    case 'oncologicalDisease':
      return 1;
    case 'pregnant':
      return 2;
    case 'coagulationDisorder':
      return 3;
    case 'acuteInfection':
      return 4;
    case 'acuteMentalIllness':
      return 5;
    case 'psychotropicInfluence':
      return 6;
    case 'anticoagulantTherapy':
      return 7;
    case 'pacemaker':
      return 8;
    case 'electroacupuncturePlanned':
      return 9;
    case 'skinLesionAtSite':
      return 10;
    case 'needlePhobia':
      return 11;
    case 'epilepsy':
      return 12;
    case 'caudaEquinaSyndrome':
      return 13;
    case 'newBladderOrBowelDysfunction':
      return 14;
    case 'saddleAnaesthesia':
      return 15;
    case 'severeOrProgressiveNeurologicalDeficit':
      return 16;
    case 'historyOfCancer':
      return 17;
    case 'unexplainedWeightLoss':
      return 18;
    case 'nightPain':
      return 19;
    case 'prolongedCorticosteroidUse':
      return 20;
    case 'severeTrauma':
      return 21;
    case 'contusionOrAbrasion':
      return 22;
    case 'osteoporosisWithMinorTrauma':
      return 23;
    case 'feverOrSystemicallyUnwell':
      return 24;
    case 'intravenousDrugUse':
      return 25;
    case 'immunosuppression':
      return 26;
    case 'recentBacterialInfection':
      return 27;
    case 'gaitDisturbance':
      return 28;
    case 'clumsyHands':
      return 29;
    case 'upperMotorNeuronSigns':
      return 30;
    case 'cervicalArterialDysfunctionSigns':
      return 31;
    case 'inflammatoryBackPain':
      return 32;
    default:
      return -1;
  }
}

// Whether a plain read of a patient fact could find Object.prototype's property: asked on every
// screening, so that the fast named reads stay in use while nothing is polluted. Not exported
// from the package.

/**
 * True when Object.prototype has an own property named like a patient fact: only then can a
 * plain read of a fact that a record lacks find a value, and only then must facts be read with
 * `readProperty`. Cheap enough to ask on every screening: `in` with a constant name compiles to
 * a check of Object.prototype's shape, where a loop of `Object.hasOwn` calls would double the
 * time `screen` takes. On Object.prototype, whose prototype is null and can never change, `in`
 * asks exactly what `Object.hasOwn` asks, and calls no getter.
 */
export function prototypeHoldsAFact(): boolean {
  const prototype = Object.prototype;
  return (
    'ageYears' in prototype ||
    'oncologicalDisease' in prototype ||
    'pregnant' in prototype ||
    'coagulationDisorder' in prototype ||
    'acuteInfection' in prototype ||
    'acuteMentalIllness' in prototype ||
    'psychotropicInfluence' in prototype ||
    'anticoagulantTherapy' in prototype ||
    'pacemaker' in prototype ||
    'electroacupuncturePlanned' in prototype ||
    'skinLesionAtSite' in prototype ||
    'needlePhobia' in prototype ||
    'epilepsy' in prototype ||
    'caudaEquinaSyndrome' in prototype ||
    'newBladderOrBowelDysfunction' in prototype ||
    'saddleAnaesthesia' in prototype ||
    'severeOrProgressiveNeurologicalDeficit' in prototype ||
    'historyOfCancer' in prototype ||
    'unexplainedWeightLoss' in prototype ||
    'nightPain' in prototype ||
    'prolongedCorticosteroidUse' in prototype ||
    'severeTrauma' in prototype ||
    'contusionOrAbrasion' in prototype ||
    'osteoporosisWithMinorTrauma' in prototype ||
    'feverOrSystemicallyUnwell' in prototype ||
    'intravenousDrugUse' in prototype ||
    'immunosuppression' in prototype ||
    'recentBacterialInfection' in prototype ||
    'gaitDisturbance' in prototype ||
    'clumsyHands' in prototype ||
    'upperMotorNeuronSigns' in prototype ||
    'cervicalArterialDysfunctionSigns' in prototype ||
    'inflammatoryBackPain' in prototype
  );
}

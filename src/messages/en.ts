import type { Locale, MessageCatalog } from './message-code.js';

/**
 * The English messages, frozen: every {@link MessageCode} has one. English is the fallback of
 * every other catalog. The wording states rules and their sources; it makes no claim of efficacy
 * or prognosis. The protocol's headings (`protocol.*`) are spelled exactly as in the source, so
 * that a reviewer can find them. Start your own catalog from this one.
 *
 * @example
 * messagesEn['status.contraindicated.label']; // => 'Contraindicated'
 * messagesEn['fact.ageYears.question']; // => 'How old is the patient, in completed years?'
 */
export const messagesEn: MessageCatalog = Object.freeze({
  'status.eligible.label': 'No contraindication found',
  'status.eligible.headline':
    'No contraindication was found by these rules. The decision to treat remains with the doctor.',
  'status.caution.label': 'Caution',
  'status.caution.headline':
    'No contraindication was found by these rules, but cautions apply: weigh each of them before planning treatment.',
  'status.incomplete.label': 'Incomplete',
  'status.incomplete.headline':
    'The screening is incomplete: ask the questions below, record the answers and screen again. A fact that is not recorded is never read as “no”.',
  'status.contraindicated.label': 'Contraindicated',
  'status.contraindicated.headline':
    'Acupuncture is contraindicated by these rules: refer the patient for another method of treatment.',
  'status.refer.label': 'Assess or refer first',
  'status.refer.headline':
    'A red flag was found by these rules: assess the patient, or refer them as urgently as each red flag says, before any needling. A red flag is not a diagnosis; the clinician decides.',

  'rule.age.label': 'age limits',
  'rule.age.present':
    'The patient is under {under} or over {over} completed years of age: a contraindication in the protocol.',
  'rule.age.unknown':
    'Age is not recorded, or not valid, so the age limits (under {under} or over {over} completed years) cannot be checked.',
  'rule.age.absent': 'Age is within the limits of the rule ({under} to {over} completed years).',
  'rule.age.adapted.present':
    'The patient is under {under} or over {over} completed years of age: a contraindication under the rule set’s own age limits (the protocol’s are under {protocolUnder} or over {protocolOver}).',
  'rule.age.adapted.unknown':
    'Age is not recorded, or not valid, so the rule set’s own age limits (under {under} or over {over} completed years) cannot be checked.',
  'rule.age.adapted.absent': 'Age is within the rule set’s own limits ({under} to {over} completed years).',
  'rule.oncology.label': 'oncological disease',
  'rule.oncology.present': 'An oncological disease is recorded: a contraindication in the protocol.',
  'rule.oncology.unknown':
    'Whether the patient has an oncological disease is not recorded, or not valid, so this contraindication cannot be ruled out.',
  'rule.oncology.absent': 'Recorded: no oncological disease.',
  'rule.pregnancy.label': 'pregnancy',
  'rule.pregnancy.present': 'Pregnancy is recorded: a contraindication in the protocol.',
  'rule.pregnancy.unknown':
    'Whether the patient is pregnant is not recorded, or not valid, so this contraindication cannot be ruled out.',
  'rule.pregnancy.absent': 'Recorded: not pregnant.',
  'rule.coagulation.label': 'blood clotting disorder',
  'rule.coagulation.present': 'A disorder of blood clotting is recorded: a contraindication in the protocol.',
  'rule.coagulation.unknown':
    'Whether the patient has a disorder of blood clotting is not recorded, or not valid, so this contraindication cannot be ruled out.',
  'rule.coagulation.absent': 'Recorded: no disorder of blood clotting.',
  'rule.acute-infection.label': 'acute period of an infectious disease',
  'rule.acute-infection.present':
    'The acute period of an infectious disease is recorded: a contraindication in the protocol.',
  'rule.acute-infection.unknown':
    'Whether the patient is in the acute period of an infectious disease is not recorded, or not valid, so this contraindication cannot be ruled out.',
  'rule.acute-infection.absent': 'Recorded: not in the acute period of an infectious disease.',
  'rule.acute-mental-state.label': 'acute mental illness or psychotropic substances',
  'rule.acute-mental-state.present':
    'The acute period of a mental illness, or the effect of a psychotropic substance, is recorded: a contraindication in the protocol.',
  'rule.acute-mental-state.unknown':
    'Neither the acute period of a mental illness nor the effect of a psychotropic substance is recorded as present, and at least one of them is not recorded or not valid, so this contraindication cannot be ruled out.',
  'rule.acute-mental-state.absent':
    'Recorded: no acute period of a mental illness and no effect of a psychotropic substance.',

  'rule.anticoagulant-therapy.label': 'anticoagulant therapy',
  'rule.anticoagulant-therapy.present':
    'Anticoagulant therapy is recorded: a caution from published guidance (not from the protocol), which calls for superficial needling with fine needles.',
  'rule.anticoagulant-therapy.unknown':
    'Whether the patient takes anticoagulant medication is not recorded, or not valid, so this caution cannot be ruled out.',
  'rule.anticoagulant-therapy.absent': 'Recorded: no anticoagulant therapy.',
  'rule.electroacupuncture-with-implanted-device.label': 'implanted device with electroacupuncture',
  'rule.electroacupuncture-with-implanted-device.present':
    'A pacemaker or another implanted electrical device is recorded and electroacupuncture is planned: a caution from device guidance (not from the protocol); it concerns electroacupuncture, not manual needling.',
  'rule.electroacupuncture-with-implanted-device.unknown':
    'Whether the patient has an implanted electrical device, or whether electroacupuncture is planned, is not recorded or not valid, so this caution cannot be ruled out.',
  'rule.electroacupuncture-with-implanted-device.absent':
    'Recorded: no implanted electrical device, or no electroacupuncture planned.',
  'rule.skin-lesion-at-site.label': 'skin lesion at the needling site',
  'rule.skin-lesion-at-site.present':
    'A skin infection or lesion at the needling site is recorded: a caution from the clinical literature (not from the protocol).',
  'rule.skin-lesion-at-site.unknown':
    'Whether there is a skin infection or lesion at the needling site is not recorded, or not valid, so this caution cannot be ruled out.',
  'rule.skin-lesion-at-site.absent': 'Recorded: no skin infection or lesion at the needling site.',
  'rule.needle-phobia.label': 'needle phobia',
  'rule.needle-phobia.present':
    'Needle phobia, or inability to cooperate with needling, is recorded: a caution from the clinical literature (not from the protocol).',
  'rule.needle-phobia.unknown':
    'Whether the patient has needle phobia, or cannot cooperate with needling, is not recorded, or not valid, so this caution cannot be ruled out.',
  'rule.needle-phobia.absent': 'Recorded: no needle phobia, and able to cooperate with needling.',
  'rule.epilepsy.label': 'epilepsy',
  'rule.epilepsy.present':
    'Epilepsy or another seizure disorder is recorded: a caution (an exclusion criterion of clinical trials, not of the protocol).',
  'rule.epilepsy.unknown':
    'Whether the patient has epilepsy or another seizure disorder is not recorded, or not valid, so this caution cannot be ruled out.',
  'rule.epilepsy.absent': 'Recorded: no epilepsy or other seizure disorder.',
  'rule.pregnancy-point-restrictions.label': 'pregnancy (point restrictions)',
  'rule.pregnancy-point-restrictions.present':
    'Pregnancy is recorded: WHO guidance excludes lumbosacral and lower-abdominal points in the first trimester, and lumbosacral points later in pregnancy.',
  'rule.pregnancy-point-restrictions.unknown':
    'Whether the patient is pregnant is not recorded, or not valid, so the point restrictions of pregnancy cannot be ruled out.',
  'rule.pregnancy-point-restrictions.absent': 'Recorded: not pregnant, so these point restrictions do not apply.',

  'rule.cauda-equina-syndrome.label': 'cauda equina syndrome',
  'rule.cauda-equina-syndrome.present':
    'Cauda equina syndrome, new bladder or bowel dysfunction, or saddle anaesthesia is recorded: a red flag from published guidance (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.cauda-equina-syndrome.unknown':
    'None of cauda equina syndrome, new bladder or bowel dysfunction and saddle anaesthesia is recorded as present, and at least one of them is not recorded or not valid, so this red flag cannot be ruled out.',
  'rule.cauda-equina-syndrome.absent':
    'Recorded: cauda equina syndrome neither diagnosed nor suspected, no new bladder or bowel dysfunction, and no saddle anaesthesia.',
  'rule.neurological-deficit.label': 'severe or progressive neurological deficit',
  'rule.neurological-deficit.present':
    'A severe or progressive neurological deficit is recorded: a red flag from a clinical practice guideline (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.neurological-deficit.unknown':
    'Whether there is a severe or progressive neurological deficit is not recorded, or not valid, so this red flag cannot be ruled out.',
  'rule.neurological-deficit.absent': 'Recorded: no severe or progressive neurological deficit.',
  'rule.history-of-cancer.label': 'history of cancer',
  'rule.history-of-cancer.present':
    'A history of cancer is recorded: a red flag for spinal malignancy, the one that systematic reviews support (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.history-of-cancer.unknown':
    'Whether the patient has ever had a malignant disease is not recorded, or not valid, so this red flag cannot be ruled out.',
  'rule.history-of-cancer.absent': 'Recorded: no history of cancer.',
  'rule.possible-malignancy.label': 'possible malignancy (weight loss, night pain)',
  'rule.possible-malignancy.present':
    'Unexplained weight loss or night pain is recorded: a weak red flag for malignancy from a systematic review (not from the protocol), to be weighed with the history; assess or refer {urgency} before any needling.',
  'rule.possible-malignancy.unknown':
    'Neither unexplained weight loss nor night pain is recorded as present, and at least one of them is not recorded or not valid, so this red flag cannot be ruled out.',
  'rule.possible-malignancy.absent': 'Recorded: no unexplained weight loss and no night pain.',
  'rule.possible-fracture.label': 'possible fracture',
  'rule.possible-fracture.present':
    'Prolonged corticosteroid use, severe trauma, a contusion or abrasion, or osteoporosis with a minor trauma is recorded: a red flag for fracture from a systematic review (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.possible-fracture.unknown':
    'None of prolonged corticosteroid use, severe trauma, a contusion or abrasion, and osteoporosis with a minor trauma is recorded as present, and at least one of them is not recorded or not valid, so this red flag cannot be ruled out.',
  'rule.possible-fracture.absent':
    'Recorded: no prolonged corticosteroid use, no severe trauma, no contusion or abrasion, and no osteoporosis with a minor trauma.',
  'rule.possible-spinal-infection.label': 'possible spinal infection',
  'rule.possible-spinal-infection.present':
    'Fever or being systemically unwell, intravenous drug use, immunosuppression, or a recent bacterial infection is recorded: a red flag for spinal infection from published guidance (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.possible-spinal-infection.unknown':
    'None of fever or being systemically unwell, intravenous drug use, immunosuppression and a recent bacterial infection is recorded as present, and at least one of them is not recorded or not valid, so this red flag cannot be ruled out.',
  'rule.possible-spinal-infection.absent':
    'Recorded: no fever and not systemically unwell, no intravenous drug use, no immunosuppression, and no recent bacterial infection.',
  'rule.cervical-myelopathy.label': 'cervical myelopathy',
  'rule.cervical-myelopathy.present':
    'A disturbance of gait or balance, clumsy hands, or upper motor neuron signs are recorded: a red flag for cervical myelopathy from a clinical practice guideline (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.cervical-myelopathy.unknown':
    'None of a disturbance of gait or balance, clumsy hands and upper motor neuron signs is recorded as present, and at least one of them is not recorded or not valid, so this red flag cannot be ruled out.',
  'rule.cervical-myelopathy.absent':
    'Recorded: no new or worsening disturbance of gait or balance, no clumsy hands, and no upper motor neuron signs.',
  'rule.cervical-arterial-dysfunction.label': 'cervical arterial dysfunction',
  'rule.cervical-arterial-dysfunction.present':
    'Signs of cervical arterial dysfunction are recorded: a red flag from an international framework (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.cervical-arterial-dysfunction.unknown':
    'Whether there are signs of cervical arterial dysfunction is not recorded, or not valid, so this red flag cannot be ruled out.',
  'rule.cervical-arterial-dysfunction.absent': 'Recorded: no signs of cervical arterial dysfunction.',
  'rule.inflammatory-back-disease.label': 'inflammatory back disease',
  'rule.inflammatory-back-disease.present':
    'Back pain of an inflammatory pattern is recorded: a red flag for spondyloarthritis from national guidelines (not from the protocol); assess or refer {urgency} before any needling.',
  'rule.inflammatory-back-disease.unknown':
    'Whether the back pain has an inflammatory pattern is not recorded, or not valid, so this red flag cannot be ruled out.',
  'rule.inflammatory-back-disease.absent': 'Recorded: the back pain has no inflammatory pattern.',

  'rule.generic.present.absolute': 'Rule “{rule}” applies: a contraindication under the rule set used.',
  'rule.generic.present.relative': 'Rule “{rule}” applies: a caution under the rule set used, to be weighed.',
  'rule.generic.present.referral':
    'Rule “{rule}” applies: a red flag under the rule set used; assess or refer {urgency} before any needling.',
  'rule.generic.unknown': 'Rule “{rule}” cannot be settled with the facts recorded.',
  'rule.generic.absent': 'Rule “{rule}” does not apply to the facts recorded.',

  'fact.ageYears.label': 'age (completed years)',
  'fact.ageYears.question': 'How old is the patient, in completed years?',
  'fact.oncologicalDisease.label': 'oncological disease',
  'fact.oncologicalDisease.question': 'Does the patient currently have an oncological (malignant) disease?',
  'fact.pregnant.label': 'pregnancy',
  'fact.pregnant.question': 'Is the patient currently pregnant?',
  'fact.coagulationDisorder.label': 'blood clotting disorder',
  'fact.coagulationDisorder.question': 'Does the patient have a disorder of blood clotting?',
  'fact.acuteInfection.label': 'acute period of an infectious disease',
  'fact.acuteInfection.question': 'Is the patient in the acute period of an infectious disease?',
  'fact.acuteMentalIllness.label': 'acute period of a mental illness',
  'fact.acuteMentalIllness.question':
    'Is the patient in the acute period of a mental illness at this visit (not a diagnosis in remission)?',
  'fact.psychotropicInfluence.label': 'effect of a psychotropic substance',
  'fact.psychotropicInfluence.question':
    'Is the patient under the acute effect of a psychotropic substance at this visit (a prescription alone does not count)?',
  'fact.anticoagulantTherapy.label': 'anticoagulant therapy',
  'fact.anticoagulantTherapy.question': 'Does the patient take anticoagulant medication?',
  'fact.pacemaker.label': 'pacemaker or implanted electrical device',
  'fact.pacemaker.question': 'Does the patient have a cardiac pacemaker or another implanted electrical device?',
  'fact.electroacupuncturePlanned.label': 'electroacupuncture planned',
  'fact.electroacupuncturePlanned.question': 'Is electroacupuncture planned for this course?',
  'fact.skinLesionAtSite.label': 'skin infection or lesion at the needling site',
  'fact.skinLesionAtSite.question': 'Is there a skin infection or lesion at the intended needling site?',
  'fact.needlePhobia.label': 'needle phobia or inability to cooperate',
  'fact.needlePhobia.question':
    'Does the patient have needle phobia, or is the patient unable to cooperate with needling?',
  'fact.epilepsy.label': 'epilepsy or another seizure disorder',
  'fact.epilepsy.question': 'Does the patient have epilepsy or another seizure disorder?',
  'fact.caudaEquinaSyndrome.label': 'cauda equina syndrome, diagnosed or suspected',
  'fact.caudaEquinaSyndrome.question': 'Is cauda equina syndrome diagnosed or suspected, and not resolved?',
  'fact.newBladderOrBowelDysfunction.label': 'new bladder or bowel dysfunction',
  'fact.newBladderOrBowelDysfunction.question':
    'Since the back pain began, has the patient had new difficulty passing or holding urine or stool (retention or incontinence)?',
  'fact.saddleAnaesthesia.label': 'saddle anaesthesia',
  'fact.saddleAnaesthesia.question':
    'Is there numbness or altered sensation in the saddle area (perineum, buttocks, inner thighs)?',
  'fact.severeOrProgressiveNeurologicalDeficit.label': 'severe or progressive neurological deficit',
  'fact.severeOrProgressiveNeurologicalDeficit.question':
    'Is there a neurological deficit (weakness, loss of sensation or of reflexes) that is severe or getting worse?',
  'fact.historyOfCancer.label': 'history of cancer',
  'fact.historyOfCancer.question': 'Has the patient ever had a malignant disease, treated or not?',
  'fact.unexplainedWeightLoss.label': 'unexplained weight loss',
  'fact.unexplainedWeightLoss.question':
    'Has the patient lost weight with no explanation (not by diet, not from a known illness)?',
  'fact.nightPain.label': 'night pain not eased by rest',
  'fact.nightPain.question': 'Does the patient have pain at night that rest or a change of position does not ease?',
  'fact.prolongedCorticosteroidUse.label': 'prolonged corticosteroid use',
  'fact.prolongedCorticosteroidUse.question':
    'Does the patient take systemic corticosteroids, or have they recently taken them, for months?',
  'fact.severeTrauma.label': 'recent severe trauma',
  'fact.severeTrauma.question':
    'Has the patient recently had a severe trauma, such as a fall from a height or a road accident?',
  'fact.contusionOrAbrasion.label': 'contusion or abrasion over the spine',
  'fact.contusionOrAbrasion.question': 'Is there a contusion or an abrasion over the spine?',
  'fact.osteoporosisWithMinorTrauma.label': 'osteoporosis, with pain after a minor trauma',
  'fact.osteoporosisWithMinorTrauma.question':
    'Does the patient have known osteoporosis, and did the pain begin after a minor trauma (a fall from standing height, lifting)?',
  'fact.feverOrSystemicallyUnwell.label': 'fever or systemically unwell',
  'fact.feverOrSystemicallyUnwell.question': 'Is the patient febrile or systemically unwell?',
  'fact.intravenousDrugUse.label': 'intravenous drug use',
  'fact.intravenousDrugUse.question': 'Does the patient inject drugs intravenously, now or recently?',
  'fact.immunosuppression.label': 'immunosuppression',
  'fact.immunosuppression.question': 'Is the patient immunosuppressed, by a disease or by treatment?',
  'fact.recentBacterialInfection.label': 'recent bacterial infection',
  'fact.recentBacterialInfection.question':
    'Has the patient recently had a bacterial infection (urinary tract, skin, pneumonia or the like)?',
  'fact.gaitDisturbance.label': 'new or worsening disturbance of gait or balance',
  'fact.gaitDisturbance.question': 'Is there a new or worsening disturbance of gait or balance?',
  'fact.clumsyHands.label': 'clumsy or numb hands',
  'fact.clumsyHands.question': 'Are the hands clumsy or numb (trouble with buttons, writing or other fine work)?',
  'fact.upperMotorNeuronSigns.label': 'upper motor neuron signs',
  'fact.upperMotorNeuronSigns.question':
    'Are there upper motor neuron signs (brisk reflexes, a Hoffmann sign, clonus, an extensor plantar response)?',
  'fact.cervicalArterialDysfunctionSigns.label': 'signs of cervical arterial dysfunction',
  'fact.cervicalArterialDysfunctionSigns.question':
    'Are there signs of cervical arterial dysfunction: dizziness, double vision, slurred speech, difficulty swallowing, drop attacks, nystagmus, numbness, nausea or ataxia?',
  'fact.inflammatoryBackPain.label': 'inflammatory back pain',
  'fact.inflammatoryBackPain.question':
    'Does the back pain have an inflammatory pattern (as NICE NG65 describes it) that suggests spondyloarthritis?',
  'fact.custom.question': 'Record yes or no: “{fact}”.',
  'fact.invalid.age':
    'The value recorded for “{fact}” is not an age from 0 to 149 years, so it counts as not recorded: record it again.',
  'fact.invalid.boolean':
    'The value recorded for “{fact}” is not a yes or a no, so it counts as not recorded: record it again.',
  'questionnaire.title': 'Facts to record for the acupuncture screening',
  'questionnaire.answer.pregnant': 'Pregnant',
  'questionnaire.answer.not-pregnant': 'Not pregnant',
  'questionnaire.answer.unknown': 'Unknown',

  'urgency.emergency': 'as an emergency',
  'urgency.urgent': 'urgently',
  'urgency.routine': 'routinely',

  'issue.not-an-object': 'The input is not a record of named fields.',
  'issue.unknown-key': '“{key}” is not a known field: check its spelling.',
  'issue.forbidden-key': 'The field name “{key}” is not allowed.',
  'issue.invalid-type': 'The value has the wrong type.',
  'issue.out-of-range': 'The value is out of the accepted range.',
  'issue.unreadable': 'The value could not be read.',
  'issue.unknown-region': 'The value names no spinal region (expected cervical, thoracic or lumbosacral).',
  'issue.missing': 'A value is required.',
  'issue.invalid-screening': 'This is not a screening result as returned by screen().',
  'issue.referral-present':
    'No course is planned: a red flag was found; assess the patient, or refer them as urgently as the screening says, before any needling.',
  'issue.contraindicated':
    'No course is planned: acupuncture is contraindicated for this patient; refer the patient for another method of treatment.',
  'issue.screening-incomplete':
    'No course is planned: the screening is incomplete; record the missing facts and screen again.',
  'issue.invalid-date': 'The value is not a calendar date in the form YYYY-MM-DD.',
  'issue.not-an-integer': 'A whole number is expected.',
  'issue.empty': 'At least one entry is required.',
  'issue.unknown-weekday': 'The value is not a day of the week (mon, tue, wed, thu, fri, sat, sun).',
  'issue.duplicate-weekday': 'This day of the week is listed more than once.',
  'issue.blank': 'The text must not be blank.',
  'issue.outside-protocol':
    'The value lies outside what the protocol states; going outside it needs an override with a reason.',
  'issue.too-many-issues': 'More problems were found than are listed here.',
  'issue.duplicate-rule': 'Another rule of the rule set has this id.',
  'issue.invalid-kind':
    'The kind of a rule must be absolute, relative or referral, and only a referral has an urgency and evidence.',
  'issue.invalid-urgency': 'The urgency of a referral must be emergency, urgent or routine.',
  'issue.invalid-bounds': 'Age limits must be whole years, the lower no greater than the upper.',
  'issue.invalid-source':
    'A source must name a title; its section, link and note, when given, must not be empty, and its item is a whole number from 1.',
  'issue.uncited-change':
    'The rule cites a contraindication of the protocol but is not that rule: say in the note of its source how it differs.',
  'issue.undeclared-fact': 'This is neither a patient fact of acuspine nor a fact that the rule set declares.',
  'issue.invalid-fact-name':
    'The name of a fact must be Latin letters and digits, start with a small letter, and have at most 64 characters.',
  'issue.fact-name-clash': 'A patient fact of acuspine already has this name: give the fact a name of its own.',
  'issue.empty-label': 'The label of a fact must not be empty, and the English label (en) is required.',
  'issue.other': 'The value is not valid (code “{code}”).',
  'issue.line': '{field}: {message}',

  'field.region': 'spinal region',
  'field.screening': 'screening',
  'field.start': 'start date',
  'field.sessions': 'number of sessions',
  'field.minutes': 'session length',
  'field.weekdays': 'days of the week',
  'field.contralateral': 'contralateral selection',
  'field.override': 'override',
  'field.override.reason': 'reason for the override',
  'field.override.by': 'override decided by',
  'field.root': 'input',
  'field.entry': '{field}, entry {number}',
  'field.nested': '{field}, “{key}”',

  'region.cervical': 'cervical',
  'region.cervical.genitive': 'cervical',
  'region.thoracic': 'thoracic',
  'region.thoracic.genitive': 'thoracic',
  'region.lumbosacral': 'lumbosacral',
  'region.lumbosacral.genitive': 'lumbosacral',

  'phase.nerve-pain': 'stop the pain from pinched nerve roots',
  'phase.spasm-and-inflammation': 'ease muscle spasm and inflammation',
  'phase.circulation-and-metabolism': 'restore circulation and metabolism',
  'phase.consolidation': 'consolidate the result',

  'step.antiseptic-before': 'treat the site with an antiseptic',
  'step.insert-needles': 'insert the needles',
  'step.retain-needles': 'leave the needles in place for {minutes} min',
  'step.remove-needles': 'remove the needles',
  'step.antiseptic-after': 'treat the site with an antiseptic again',

  'pointGroup.local': 'local',
  'pointGroup.segmental': 'segmental',
  'pointGroup.remote': 'remote',

  'weekday.mon': 'Monday',
  'weekday.tue': 'Tuesday',
  'weekday.wed': 'Wednesday',
  'weekday.thu': 'Thursday',
  'weekday.fri': 'Friday',
  'weekday.sat': 'Saturday',
  'weekday.sun': 'Sunday',

  'setting.sessions': 'number of sessions',
  'setting.minutes': 'session length',
  'setting.weekdays': 'days of the week',
  'setting.contralateral': 'contralateral selection',

  'protocol.title': 'Osteochondrosis and acupuncture',
  'protocol.section.contraindications': 'Contraindications',
  'protocol.section.essence': 'The essence of acupuncture',
  'protocol.section.cervical': 'Acupuncture for cervical osteochondrosis of the spine',
  'protocol.section.thoracic': 'Acupuncture for osteochondrosis of the thoracic region spine',
  'protocol.section.lumbosacral': 'Acupuncture for lumbosacral osteochondrosis',
  'source.section': 'section “{section}”',
  'source.item': 'item {item}',
  'source.adapted': 'the rule set’s own rule, adapted from {source}',
  'source.adapted.age':
    'the rule set’s own age limits, adapted from {source}, whose limits are under {under} or over {over} completed years',
  'rule-set.unchecked-protocol':
    'The rule set used does not check these contraindications of the protocol: {rules}. This result says nothing about them: check them before treatment.',

  'course.summary': 'Planned course of acupuncture for osteochondrosis of the {region} spine, from {from} to {to}.',
  'course.region': 'Region: {region} spine.',
  'course.sessions': 'Sessions: {count}, {minutes} min each.',
  'course.minutes.carried-over':
    'The protocol states the session length of 20 to 40 min for the {from} region only; acuspine applies it here.',
  'course.weekdays': 'Days of the week: {weekdays}.',
  'course.dates': 'Dates: from {from} to {to}.',
  'course.phase': 'Phase {order}, {title}: sessions {first} to {last}.',
  'course.phase.single': 'Phase {order}, {title}: session {number}.',
  'course.phases.omitted': 'Phases with no session in this course: {phases}.',
  'course.point-groups': 'Point groups: {groups}; the points within each group are the practitioner’s choice.',
  'course.contralateral.on': 'Points are selected on the side opposite the complaint (the balance method).',
  'course.contralateral.off': 'Contralateral (balance) selection of points is not used.',
  'course.steps': 'Steps of each session: {steps}.',
  'course.cautions': 'Cautions from the screening, for the clinician to weigh at each session: {cautions}.',
  'course.override': 'Outside the protocol by the doctor’s decision ({settings}): {reason}.',
  'course.override.by': 'Outside the protocol by the decision of {by} ({settings}): {reason}.',
  'course.override.within': 'An override was recorded ({reason}), but every setting lies within the protocol.',
  'course.defaults': 'Settings left at acuspine’s defaults: {settings}.',
  'course.screening': 'Screening result: {status} (rule set {id}, version {version}).',
  'course.sources': 'Sources in the protocol: {sources}.',
  'session.line': 'Session {number}: {date}, {weekday}, {minutes} min.',
  'session.line.phase': 'Session {number}: {date}, {weekday}, {minutes} min; phase {order}, {phase}.',
  'calendar.summary': 'Acupuncture, {region} spine: session {number} of {count}',

  'text.finding': '{sentence} Source: {source}.',
  'text.questions': 'Questions to ask:',
  'text.rule-set': 'Rule set {id}, version {version}.',
  'format.date': '{year}-{month}-{day}',
});

/**
 * English, the default locale, built in: explanations are in English when no `locale` is given.
 * Pass it as `locale` where an app chooses among locales (`{ en, ru }`).
 *
 * @example
 * import { en, explain, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * const locales = { en, ru };
 * explain(screen({ pregnant: true }), { locale: locales.en }).label; // => 'Contraindicated'
 * en.messages === messagesEn; // => true
 */
export const en: Locale = Object.freeze({ code: 'en', messages: messagesEn });

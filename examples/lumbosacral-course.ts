// Plans a lumbosacral course for a screened, eligible patient, prints it, and checks what it
// printed: exits with code 1 and a message when the course is not what the protocol gives.
import assert from 'node:assert/strict';
import { buildCourse, type PatientFacts, regionProfile, screen } from 'acuspine';

const facts: PatientFacts = {
  ageYears: 47,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
};

try {
  const screening = screen(facts);
  assert.equal(screening.status, 'eligible', 'the sample patient should be eligible');

  const result = buildCourse({ region: 'lumbosacral', screening, start: '2026-03-03', sessions: 12 });
  if (!result.ok) {
    throw new Error(
      `no course: ${result.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const course = result.value;
  const profile = regionProfile('lumbosacral');
  const titles = new Map(profile.phases.map((phase) => [phase.id, phase.title]));

  console.log(
    `Lumbosacral course, screened with ${course.ruleSet.id} ${course.ruleSet.version} (${course.screeningStatus})`,
  );
  console.log(
    `${course.sessions.length} sessions of ${course.settings.minutes.value} minutes on ${course.settings.weekdays.value.join(' and ')}` +
      ` (minutes: ${course.settings.minutes.from}, carried over from ${course.settings.minutes.carriedOverFrom ?? '-'})`,
  );
  console.log(`Point groups: ${course.sessions[0]?.pointGroups.join(', ')}`);
  console.log(`Steps: ${course.sessions[0]?.steps.map((step) => step.id).join(' > ')}`);
  let phase: string | undefined;
  for (const session of course.sessions) {
    if (session.phase !== phase) {
      phase = session.phase;
      console.log(`  ${titles.get(session.phase ?? 'nerve-pain')}`);
    }
    console.log(`    #${String(session.number).padStart(2)}  ${session.date} (${session.weekday})`);
  }
  console.log(`Based on: ${course.protocolBasis.map((source) => source.section).join('; ')}`);
  for (const item of course.stricta.items) {
    if (item.status === 'filled' && (item.id === '3a' || item.id === '3b'))
      console.log(`STRICTA ${item.id}: ${item.text}`);
  }

  // The checks: what the protocol and the documented defaults give for this request.
  assert.equal(course.sessions.length, 12);
  assert.deepEqual(
    course.sessions.map((session) => session.date),
    [
      '2026-03-05',
      '2026-03-09',
      '2026-03-12',
      '2026-03-16',
      '2026-03-19',
      '2026-03-23',
      '2026-03-26',
      '2026-03-30',
      '2026-04-02',
      '2026-04-06',
      '2026-04-09',
      '2026-04-13',
    ],
  );
  assert.deepEqual(
    course.sessions.map((session) => session.phase),
    [
      'nerve-pain',
      'nerve-pain',
      'nerve-pain',
      'spasm-and-inflammation',
      'spasm-and-inflammation',
      'spasm-and-inflammation',
      'circulation-and-metabolism',
      'circulation-and-metabolism',
      'circulation-and-metabolism',
      'consolidation',
      'consolidation',
      'consolidation',
    ],
  );
  assert.ok(course.sessions.every((session) => session.minutes === 30));
  assert.deepEqual(course.sessions[0]?.steps[2], { id: 'retain-needles', minutes: 30 });
  assert.equal(course.settings.minutes.carriedOverFrom, 'thoracic');
  assert.equal(course.override, undefined);
  assert.deepEqual(course.ruleSet, { id: 'acuspine-protocol', version: '1.0.0' });
  assert.ok(Object.isFrozen(course) && Object.isFrozen(course.sessions[0]));

  // A contraindicated patient gets no course, and is told why.
  const refused = buildCourse({
    region: 'lumbosacral',
    screening: screen({ ...facts, pregnant: true }),
    start: '2026-03-03',
  });
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.issues[0]?.code, 'contraindicated');
    console.log(`Pregnant patient: ${refused.issues[0]?.message}`);
  }
} catch (error) {
  console.error(`examples/lumbosacral-course.ts: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

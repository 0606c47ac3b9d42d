// Walks everything the library can say: every shipped rule in every outcome, every status, every
// fact, every issue code that the parsers and the course builder emit, every region, phase,
// step, point group and weekday of a course. Each must come out of both shipped catalogs as
// words: never a generic fallback for a shipped rule, never a placeholder, never a raw code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildCourse,
  type CourseRequest,
  cautionRuleSet,
  defineRuleSet,
  explain,
  explainCourse,
  explainIssues,
  factNames,
  type Issue,
  type PatientFacts,
  PROTOCOL_TITLE,
  parsePatientFacts,
  parseRegion,
  procedureStepIds,
  protocolRuleSet,
  type RuleSetError,
  redFlagRuleSet,
  regionProfiles,
  type Screening,
  screen,
  screeningStatuses,
  spinalRegions,
  weekdays,
} from '../../src/index.js';
import {
  allAbsent,
  allPresent,
  catalogs,
  everyShippedRule,
  expectNoRawCodes,
  healthy,
  planned,
  textsOf,
} from './fixtures.js';

const shippedRules = [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules];
const allInvalid = Object.fromEntries(factNames.map((fact) => [fact, 'unsure'])) as unknown as PatientFacts;

describe.each(catalogs)('every code in %s', (_, catalog, locale) => {
  test('every shipped rule has its own sentence for every outcome', () => {
    const screenings = [allPresent, allAbsent, {}].map((facts) => screen(facts, { ruleSet: everyShippedRule }));
    const seen = new Set<string>();
    for (const screening of screenings) {
      const explanation = explain(screening, { locale, absent: true });
      expect(explanation.findings).toHaveLength(shippedRules.length);
      for (const finding of explanation.findings) {
        seen.add(`${finding.rule}.${finding.outcome}`);
        expect(finding.sentence).not.toMatch(/«|“/); // the generic sentences quote the rule's name
        expect(finding.source.length).toBeGreaterThan(0);
      }
      expectNoRawCodes(explanation);
      expect(explanation.fallbacks).toEqual([]);
    }
    expect(seen.size).toBe(shippedRules.length * 3);
  });

  test('every rule label and outcome message is in the catalog', () => {
    for (const rule of shippedRules) {
      for (const part of ['label', 'present', 'unknown', 'absent']) {
        expect(Object.hasOwn(catalog, `rule.${rule.id}.${part}`), `rule.${rule.id}.${part}`).toBe(true);
      }
    }
  });

  test('every status has a label and a headline', () => {
    const byStatus: Record<string, Screening> = {
      eligible: screen(allAbsent, { ruleSet: everyShippedRule }),
      caution: screen({ ...allAbsent, needlePhobia: true }, { ruleSet: everyShippedRule }),
      incomplete: screen({}),
      contraindicated: screen({ ...healthy, acuteInfection: true }),
      refer: screen({ ...allAbsent, saddleAnaesthesia: true }, { ruleSet: everyShippedRule }),
    };
    const labels = new Set<string>();
    for (const status of screeningStatuses) {
      const screening = byStatus[status] as Screening;
      expect(screening.status).toBe(status);
      const explanation = explain(screening, { locale });
      expect(explanation.label).toBe(catalog[`status.${status}.label`]);
      expect(explanation.headline).toBe(catalog[`status.${status}.headline`]);
      labels.add(explanation.label);
    }
    expect(labels.size).toBe(screeningStatuses.length);
  });

  test('every fact has a label, a question, and a problem when its value is invalid', () => {
    const explanation = explain(screen(allInvalid, { ruleSet: everyShippedRule }), { locale });
    expect(explanation.questions.map((question) => question.fact)).toEqual(factNames);
    for (const question of explanation.questions) {
      expect(question.label).toBe(catalog[`fact.${question.fact}.label`]);
      expect(question.question).toBe(catalog[`fact.${question.fact}.question`]);
      expect(question.invalid).toBe(true);
      expect(question.problem).toContain(question.label);
    }
    expect(new Set(explanation.questions.map((question) => question.question)).size).toBe(factNames.length);
    expectNoRawCodes(explanation);
  });

  test('every region, phase, step, point group and weekday of a course has words', () => {
    const texts: string[] = [];
    for (const region of spinalRegions) {
      for (const contralateral of [false, true]) {
        const course = planned({
          region,
          screening: screen(healthy),
          weekdays: weekdays,
          contralateral,
          ...(contralateral && region !== 'cervical' ? { override: { reason: 'r' } } : {}),
        });
        const explanation = explainCourse(course, { locale, sessions: true });
        expectNoRawCodes(explanation);
        expect(explanation.fallbacks).toEqual([]);
        texts.push(...textsOf(explanation));
      }
    }
    const all = texts.join('\n');
    for (const region of spinalRegions) expect(all).toContain(catalog[`region.${region}`]);
    for (const phase of regionProfiles.lumbosacral.phases) expect(all).toContain(catalog[`phase.${phase.id}`]);
    for (const step of procedureStepIds) expect(all).toContain(catalog[`step.${step}`].replace('{minutes}', '30'));
    for (const group of regionProfiles.cervical.pointGroups.value)
      expect(all).toContain(catalog[`pointGroup.${group}`]);
    for (const day of weekdays) expect(all).toContain(catalog[`weekday.${day}`]);
  });
});

/**
 * The issue codes written in the source of the parsers, the course builder, the screening reader
 * and defineRuleSet (whose RuleSetError carries issues too).
 */
function issueCodesInSource(): string[] {
  const root = resolve(import.meta.dirname, '../../src');
  const codes = new Set<string>();
  for (const folder of ['facts', 'regions', 'course', 'screening']) {
    for (const file of readdirSync(join(root, folder))) {
      const source = readFileSync(join(root, folder, file), 'utf8');
      for (const match of source.matchAll(/\b(?:(?:issue|add|report|refuse)\(\s*|code:\s*)'([a-z-]+)'/g)) {
        codes.add(match[1] as string);
      }
    }
  }
  return [...codes].sort();
}

describe('every issue code', () => {
  const codes = issueCodesInSource();

  test('the scan of the source finds the codes it is for', () => {
    expect(codes).toEqual(expect.arrayContaining(['unknown-key', 'unknown-region', 'outside-protocol']));
    expect(codes.length).toBeGreaterThanOrEqual(18);
  });

  test.each(catalogs)('has its own message in %s', (_locale, catalog) => {
    for (const code of codes) expect(Object.hasOwn(catalog, `issue.${code}`), code).toBe(true);
  });

  test.each(catalogs)('as emitted by the parsers and buildCourse, comes out as words in %s', (_, catalog, locale) => {
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    const getter = Object.defineProperty({}, 'pregnant', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const eligible = screen(healthy);
    const refusedRuleSet = (definition: Record<string, unknown>) => {
      try {
        defineRuleSet({ id: 'clinic', version: '1', ...definition } as unknown as Parameters<typeof defineRuleSet>[0]);
      } catch (error) {
        return { ok: false as const, issues: (error as RuleSetError).issues };
      }
      throw new Error(`defineRuleSet accepted ${JSON.stringify(definition)}`);
    };
    const rule = (change: Record<string, unknown>) => ({
      id: 'r',
      kind: 'absolute',
      when: { type: 'any', facts: ['epilepsy'] },
      source: { title: 'T' },
      ...change,
    });
    const course = (request: Record<string, unknown>) =>
      buildCourse({ region: 'cervical', screening: eligible, start: '2026-03-02', ...request } as CourseRequest);
    const results = [
      parsePatientFacts(null),
      parsePatientFacts(throwing),
      parsePatientFacts(getter),
      parsePatientFacts({ pregnancy: true, ['__proto__']: 1, ageYears: 'x', pregnant: 2 }),
      parsePatientFacts(JSON.parse('{"__proto__": 1, "ageYears": 900}')),
      parseRegion(7),
      parseRegion('knee'),
      buildCourse(null as unknown as CourseRequest),
      buildCourse({} as CourseRequest),
      course({ region: 'knee', start: '2026-02-30', sessions: 1.5, minutes: 0, weekdays: [], extra: 1 }),
      course({ region: 7, start: 7, weekdays: ['mon', 'mon', 'sunday'], override: { reason: ' ', by: 3 } }),
      course({ screening: screen({ ...healthy, pregnant: true }) }),
      course({ screening: screen({}) }),
      course({ screening: screen({ saddleAnaesthesia: true }, { ruleSet: redFlagRuleSet }) }),
      course({ screening: { ...eligible, missing: 'x', ruleSet: null, status: 'ok' } }),
      course({ sessions: 30, minutes: 90, contralateral: 'yes' }),
      course({ weekdays: Array.from({ length: 200 }, () => 'someday') }),
      buildCourse(throwing as CourseRequest),
      refusedRuleSet({ rules: [rule({}), rule({})] }),
      refusedRuleSet({ rules: [rule({ kind: 'soft' })] }),
      refusedRuleSet({ rules: [rule({ kind: 'referral', urgency: 'soon', evidence: 'e' })] }),
      refusedRuleSet({ rules: [rule({ when: { type: 'age-outside', under: 10, over: 5 } })] }),
      refusedRuleSet({ rules: [rule({ source: { title: '' } })] }),
      refusedRuleSet({ rules: [rule({ source: { title: PROTOCOL_TITLE, section: 'Contraindications', item: 2 } })] }),
      refusedRuleSet({ rules: [rule({ when: { type: 'any', facts: ['mood'] } })] }),
      refusedRuleSet({
        facts: { 'Bad name': { label: { en: 'x' } }, pregnant: { label: { en: 'x' } }, mood: { label: { ru: '' } } },
        rules: [rule({})],
      }),
    ];
    const issues: Issue[] = results.flatMap((result) => (result.ok ? [] : [...result.issues]));
    const emitted = new Set(issues.map((entry) => entry.code));
    expect([...emitted].sort()).toEqual(codes);
    const explanation = explainIssues(issues, { locale });
    expectNoRawCodes(explanation);
    expect(explanation.fallbacks).toEqual([]);
    const generic = catalog['issue.other'].split('{')[0] as string;
    for (const entry of explanation.issues) expect(entry.text).not.toContain(generic);
  });
});

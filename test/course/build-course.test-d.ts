import { describe, expectTypeOf, test } from 'vitest';
import {
  buildCourse,
  type Course,
  type CourseRequest,
  defineRuleSet,
  type LumbosacralPhaseId,
  type ProcedureStep,
  type ProtocolRuleId,
  type Result,
  type RuleSetRef,
  type Session,
  type SpinalRegion,
  type StrictaItem,
  screen,
  type Weekday,
} from '../../src/index.js';

describe('buildCourse types', () => {
  test('takes a CourseRequest and returns a Result of a Course', () => {
    const result = buildCourse({ region: 'cervical', screening: screen({}), start: '2026-03-02' });
    expectTypeOf(result).toEqualTypeOf<Result<Course>>();
  });

  test('a screening from screen() with any rule set fits the request', () => {
    expectTypeOf(screen({})).toMatchTypeOf<CourseRequest['screening']>();
  });

  test('a screening with a rule set of facts of its own fits the request too', () => {
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      facts: { metalAllergy: { label: { en: 'Metal allergy' } } },
      rules: [
        { id: 'metal', kind: 'relative', when: { type: 'any', facts: ['metalAllergy'] }, source: { title: 'C' } },
      ],
    });
    const screening = screen({ metalAllergy: false }, { ruleSet: clinic });
    expectTypeOf(buildCourse({ region: 'cervical', screening, start: '2026-03-02' })).toEqualTypeOf<Result<Course>>();
    expectTypeOf(screening).toMatchTypeOf<CourseRequest<'metalAllergy'>['screening']>();
  });

  test('rejects a region that is not a SpinalRegion and an unknown weekday at compile time', () => {
    // @ts-expect-error 'lumbar' is not a SpinalRegion
    buildCourse({ region: 'lumbar', screening: screen({}), start: '2026-03-02' });
    // @ts-expect-error 'monday' is not a Weekday
    buildCourse({ region: 'cervical', screening: screen({}), start: '2026-03-02', weekdays: ['monday'] });
  });

  test('the override needs a reason', () => {
    // @ts-expect-error reason is required
    buildCourse({ region: 'cervical', screening: screen({}), start: '2026-03-02', override: { by: 'Dr A' } });
  });

  test('course and session fields have precise types', () => {
    expectTypeOf<Course['region']>().toEqualTypeOf<SpinalRegion>();
    expectTypeOf<Course['ruleSet']>().toEqualTypeOf<RuleSetRef>();
    expectTypeOf<Course['screeningStatus']>().toEqualTypeOf<'eligible' | 'caution'>();
    expectTypeOf<Course['uncheckedProtocolRules']>().toEqualTypeOf<readonly ProtocolRuleId[]>();
    expectTypeOf<Session['phase']>().toEqualTypeOf<LumbosacralPhaseId | undefined>();
    expectTypeOf<Session['weekday']>().toEqualTypeOf<Weekday>();
    expectTypeOf<Session['steps']>().toEqualTypeOf<readonly ProcedureStep[]>();
    expectTypeOf<Course['settings']['weekdays']['value']>().toEqualTypeOf<readonly Weekday[]>();
  });

  test('the retention step carries minutes; the other steps do not', () => {
    const step = {} as ProcedureStep;
    if (step.id === 'retain-needles') expectTypeOf(step.minutes).toEqualTypeOf<number>();
    // @ts-expect-error minutes exists only on the retention step
    step.minutes;
  });

  test('a STRICTA item has text only when filled', () => {
    const item = {} as StrictaItem;
    if (item.status === 'filled') expectTypeOf(item.text).toEqualTypeOf<string>();
    // @ts-expect-error text exists only on filled items
    item.text;
  });

  test('a course is readonly', () => {
    const course = {} as Course;
    // @ts-expect-error readonly
    course.sessions = [];
  });
});

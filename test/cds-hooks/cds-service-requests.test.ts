// The requests and calls that cdsService's handler refuses: each gives `{ ok: false, issues }`
// (for the HTTP layer to answer 400) with the exact code, path and message, never a throw.
import { describe, expect, it } from 'vitest';
import { cdsService } from '../../src/cds-hooks/index.js';
import type { Issue } from '../../src/index.js';
import { ON, patient } from '../fhir/fixtures/builders.js';
import { found, fullPrefetch } from './fixtures.js';

const source = { label: 'acuspine' };
const empty = found();
const full = fullPrefetch();

function request(extra: object = {}) {
  return {
    hook: 'patient-view',
    hookInstance: 'i',
    context: { userId: 'Practitioner/1', patientId: 'p1' },
    prefetch: full,
    ...extra,
  };
}

/** The issues of a refused request, called with `{ on: ON }` unless a call is given; fails the test when the request is answered. */
function issuesOf(body: unknown, ...call: unknown[]): readonly Issue[] {
  const result = cdsService({ source }).handle(body, (call.length === 0 ? { on: ON } : call[0]) as never);
  if (result.ok) throw new Error('expected the request to be refused');
  return result.issues;
}

const problem = (code: string, path: (string | number)[], message: string) => ({ code, path, message });

describe('cdsService handle: the call', () => {
  it('needs the reference date as YYYY-MM-DD', () => {
    const expected = [problem('invalid-option', ['options', 'on'], 'expected the reference date as YYYY-MM-DD')];
    for (const call of [{ on: 'today' }, { on: '2026-02-30' }, {}, null, undefined, 'x']) {
      expect(issuesOf(request(), call)).toEqual(expected);
    }
  });

  it('refuses an unknown service id', () => {
    expect(issuesOf(request(), { on: ON, serviceId: 'nope' })).toEqual([
      problem('unknown-service', [], 'no service has the id "nope"'),
    ]);
  });

  it('refuses a hook that the service called does not answer', () => {
    expect(issuesOf(request({ hook: 'appointment-book' }), { on: ON, serviceId: 'acuspine-screening' })).toEqual([
      problem('unsupported-hook', ['hook'], 'service acuspine-screening answers the hook patient-view'),
    ]);
    expect(issuesOf(request(), { on: ON, serviceId: 'acuspine-screening-appointment-book' })).toEqual([
      problem(
        'unsupported-hook',
        ['hook'],
        'service acuspine-screening-appointment-book answers the hook appointment-book',
      ),
    ]);
  });
});

describe('cdsService handle: the request', () => {
  it('must be an object', () => {
    for (const body of ['text', null, undefined, 7, [request()]]) {
      expect(issuesOf(body)).toEqual([problem('not-an-object', [], 'expected a CDS Hooks request object')]);
    }
  });

  it('must name a hook that a service answers', () => {
    const expected = [
      problem('unsupported-hook', ['hook'], 'expected one of patient-view, appointment-book, order-select, order-sign'),
    ];
    expect(issuesOf(request({ hook: 'medication-prescribe' }))).toEqual(expected);
    const { hook: _omitted, ...noHook } = request();
    expect(issuesOf(noHook)).toEqual(expected);
  });

  it('needs a hookInstance that is a non-empty string', () => {
    for (const hookInstance of [undefined, '', '   ', 7]) {
      expect(issuesOf(request({ hookInstance }))).toEqual([
        problem('invalid-type', ['hookInstance'], 'expected a non-empty string'),
      ]);
    }
  });

  it('accepts a fhirServer only as a URL string', () => {
    for (const fhirServer of [7, '', ' ']) {
      expect(issuesOf(request({ fhirServer }))).toEqual([
        problem('invalid-type', ['fhirServer'], 'expected a URL string'),
      ]);
    }
    expect(cdsService({ source }).handle(request({ fhirServer: 'https://ehr.example/fhir' }), { on: ON }).ok).toBe(
      true,
    );
  });

  it('needs the hook context object', () => {
    for (const context of ['p1', null, undefined, ['p1']]) {
      expect(issuesOf(request({ context }))).toEqual([
        problem('invalid-type', ['context'], 'expected the hook context object'),
      ]);
    }
  });

  it('needs the patient id in the context, and checks the prefetched Patient only against a patient id', () => {
    for (const patientId of [undefined, '', '  ', 7]) {
      expect(issuesOf(request({ context: { userId: 'Practitioner/1', patientId } }))).toEqual([
        problem('invalid-type', ['context', 'patientId'], 'expected the patient id'),
      ]);
    }
  });

  it('accepts a userId only as a non-empty string, and no userId', () => {
    for (const userId of [3, '', ' ']) {
      expect(issuesOf(request({ context: { patientId: 'p1', userId } }))).toEqual([
        problem('invalid-type', ['context', 'userId'], 'expected a string'),
      ]);
    }
    expect(cdsService({ source }).handle(request({ context: { patientId: 'p1' } }), { on: ON }).ok).toBe(true);
  });

  it('accepts the prefetch only as an object, null or left out', () => {
    for (const prefetch of [[], 'x', 5]) {
      expect(issuesOf(request({ prefetch }))).toEqual([
        problem('invalid-type', ['prefetch'], 'expected an object of prefetched resources'),
      ]);
    }
  });

  it('needs each prefetched value to be a FHIR resource or a Bundle', () => {
    const notResources = ['p1', 5, [empty], { type: 'searchset' }, { resourceType: '' }, { resourceType: 7 }];
    // An array is no resource, even with a resourceType.
    notResources.push(Object.assign([], { resourceType: 'Bundle' }));
    for (const value of notResources) {
      expect(issuesOf(request({ prefetch: { ...full, conditions: value } }))).toEqual([
        problem('invalid-type', ['prefetch', 'conditions'], 'expected a FHIR resource or a Bundle'),
      ]);
    }
  });

  it('needs the prefetched patient to be a Patient, and the patient in context', () => {
    expect(issuesOf(request({ prefetch: { ...full, patient: { resourceType: 'Practitioner', id: 'p1' } } }))).toEqual([
      problem('invalid-type', ['prefetch', 'patient', 'resourceType'], 'expected a Patient'),
    ]);
    expect(issuesOf(request({ prefetch: { ...full, patient: patient('1970-01-01', 'p2') } }))).toEqual([
      problem(
        'patient-mismatch',
        ['prefetch', 'patient', 'id'],
        'the prefetched Patient is not the patient in context',
      ),
    ]);
  });

  it('accepts a Patient without an id, and Bundles with ids of their own', () => {
    const service = cdsService({ source });
    const noId = { ...full, patient: { resourceType: 'Patient', birthDate: '1940-01-01' } };
    expect(service.handle(request({ prefetch: noId }), { on: ON }).ok).toBe(true);
    const bundles = { ...full, conditions: { ...empty, id: 'b1' }, observations: { ...empty, id: 'p1' } };
    expect(service.handle(request({ prefetch: bundles }), { on: ON }).ok).toBe(true);
  });

  it('lists every problem of a request, in the order of its fields', () => {
    const body = {
      hook: 'patient-view',
      hookInstance: '',
      fhirServer: 7,
      context: { userId: 3 },
      prefetch: { patient: patient('1970-01-01'), conditions: 'x', observations: 5 },
    };
    expect(issuesOf(body)).toEqual([
      problem('invalid-type', ['hookInstance'], 'expected a non-empty string'),
      problem('invalid-type', ['fhirServer'], 'expected a URL string'),
      problem('invalid-type', ['context', 'patientId'], 'expected the patient id'),
      problem('invalid-type', ['context', 'userId'], 'expected a string'),
      problem('invalid-type', ['prefetch', 'conditions'], 'expected a FHIR resource or a Bundle'),
      problem('invalid-type', ['prefetch', 'observations'], 'expected a FHIR resource or a Bundle'),
    ]);
  });

  it('answers a request whose prefetched resources cannot all be read: the unreadable one is a note, never a 400', () => {
    const bad = {
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Condition', onsetDateTime: 'yesterday' } }],
    };
    const result = cdsService({ source, closedWorld: true }).handle(
      request({ prefetch: { ...full, conditions: bad } }),
      {
        on: ON,
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [card] = result.value.cards;
    expect(card?.indicator).toBe('warning');
    expect(card?.detail).toContain(
      '- Record: Condition is left out: onsetDateTime cannot be read, expected a FHIR dateTime, got the string "yesterday"',
    );
  });
});

describe('cdsService handle: unreadable data', () => {
  it('answers an error, never throws, when the request cannot be read', () => {
    const hostile = {
      hook: 'patient-view',
      hookInstance: 'i',
      get context(): object {
        throw new Error('no');
      },
    };
    expect(issuesOf(hostile)).toEqual([problem('unreadable', [], 'the request could not be read as JSON data')]);
  });

  it('answers the error of factsFromFhir, without a path, when the prefetch cannot be read at all', () => {
    const patientWithTrap = {
      resourceType: 'Patient',
      id: 'p1',
      get birthDate(): string {
        throw new Error('no');
      },
    };
    expect(issuesOf(request({ prefetch: { patient: patientWithTrap } }))).toEqual([
      problem('unreadable', [], 'the input could not be read as JSON data'),
    ]);
  });
});

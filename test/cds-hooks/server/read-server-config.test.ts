// readCdsServerConfig: the configuration of cds.json read as untrusted JSON. Defaults filled in,
// and every problem an issue with its path, never an exception.
import { describe, expect, it } from 'vitest';
import { defaultCdsServerLimits, readCdsServerConfig } from '../../../src/cds-hooks/server/index.js';

const JWK = { kty: 'EC', crv: 'P-384', kid: 'ehr-2026', x: 'AAAA', y: 'AAAA' };
const minimal = {
  publicUrl: 'https://cds.clinic.example',
  issuers: [{ iss: 'https://ehr.example.org', jwks: { keys: [JWK] } }],
  service: { source: { label: 'Clinic acupuncture screening' } },
};

/** The issues of reading `minimal` with `changes`, as `path: code`. */
function issuesOf(changes: Record<string, unknown>): string[] {
  const read = readCdsServerConfig({ ...minimal, ...changes });
  if (read.ok) throw new Error('expected issues');
  return read.issues.map((found) => `${found.path.join('.')}: ${found.code}`);
}

const service = (changes: Record<string, unknown>) => ({ service: { ...minimal.service, ...changes } });
const issuer = (changes: Record<string, unknown>) => ({ issuers: [{ ...minimal.issuers[0], ...changes }] });

describe('a valid configuration', () => {
  it('gets its defaults: 127.0.0.1:8080, the protocol, and the default limits', () => {
    const read = readCdsServerConfig(minimal);
    expect(read).toEqual({
      ok: true,
      value: {
        publicUrl: 'https://cds.clinic.example',
        host: '127.0.0.1',
        port: 8080,
        issuers: minimal.issuers,
        service: { source: { label: 'Clinic acupuncture screening' }, ruleSets: ['protocol'] },
        limits: defaultCdsServerLimits,
      },
    });
    expect(Object.isFrozen(read.ok && read.value.issuers[0])).toBe(true);
  });

  it('keeps every key given, and reads the same when read again', () => {
    const full = {
      publicUrl: 'https://cds.clinic.example/acuspine/',
      host: '0.0.0.0',
      port: 0,
      issuers: [
        {
          iss: 'https://ehr.example.org',
          jku: ['https://ehr.example.org/.well-known/jwks.json'],
          fhirServers: ['https://ehr.example.org/fhir', 'http://localhost:8081/fhir'],
        },
        { iss: 'https://other.example', jwks: { keys: [JWK] }, jku: ['http://127.0.0.1:9000/jwks'] },
      ],
      algorithms: ['ES384', 'RS384'],
      clockSkewSeconds: 0,
      timeZone: 'Europe/Moscow',
      service: {
        source: { label: 'Clinic', url: 'https://clinic.example/acupuncture' },
        id: 'clinic-acu',
        ruleSets: ['red-flags', 'protocol'],
        closedWorld: true,
        orderCodes: [{ system: 'http://snomed.info/sct', code: '231055001' }],
        recordFactsLink: { label: 'Intake form', url: 'https://clinic.example/intake' },
        overrideReasons: [{ code: 'assessed', display: 'Assessed in person' }],
      },
      limits: { bodyBytes: 2048, headersTimeoutMs: 1000, requestTimeoutMs: 1000 },
      feedbackLog: 'feedback.jsonl',
    };
    const read = readCdsServerConfig(full);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value).toEqual({
      ...full,
      publicUrl: 'https://cds.clinic.example/acuspine',
      limits: { ...defaultCdsServerLimits, bodyBytes: 2048, headersTimeoutMs: 1000, requestTimeoutMs: 1000 },
    });
    expect(readCdsServerConfig(read.value)).toEqual(read);
  });

  it('takes http for a loopback host only', () => {
    for (const publicUrl of ['http://localhost:8080', 'http://127.0.0.1', 'http://127.10.0.1:1', 'http://[::1]:8080']) {
      expect(readCdsServerConfig({ ...minimal, publicUrl }).ok, publicUrl).toBe(true);
    }
  });
});

describe('issues with their paths', () => {
  it('refuses what is not an object', () => {
    for (const json of [null, [], 'cds.json', 5]) {
      expect(readCdsServerConfig(json)).toEqual({
        ok: false,
        issues: [{ code: 'not-an-object', path: [], message: 'expected the configuration object' }],
      });
    }
  });

  it('lists every problem at once, at every level', () => {
    const read = readCdsServerConfig({ publicUrl: 'http://cds.clinic.example', issuers: [], service: {}, prot: 1 });
    expect(read.ok || read.issues).toEqual([
      { code: 'unknown-key', path: ['prot'], message: expect.stringMatching(/^not a key here: publicUrl, host, /) },
      {
        code: 'invalid-value',
        path: ['publicUrl'],
        message: 'expected an https URL (http only for localhost), got the string "http://cds.clinic.example"',
      },
      {
        code: 'invalid-value',
        path: ['issuers'],
        message: 'expected a list of the EHRs trusted, at least one, got an array',
      },
      { code: 'invalid-option', path: ['service', 'source'], message: 'options.source must be an object with a label' },
    ]);
  });

  it('says what is missing', () => {
    expect(readCdsServerConfig({})).toEqual({
      ok: false,
      issues: [
        { code: 'missing', path: ['publicUrl'], message: 'expected an https URL (http only for localhost)' },
        { code: 'missing', path: ['issuers'], message: 'expected a list of the EHRs trusted, at least one' },
        { code: 'missing', path: ['service'], message: 'expected the CDS service, { source: { label }, ... }' },
      ],
    });
  });

  it.each([
    ['not a URL', 'cds.clinic.example', 'invalid-value'],
    ['a number', 443, 'invalid-value'],
    ['another scheme', 'ftp://cds.clinic.example', 'invalid-value'],
    ['a query', 'https://cds.clinic.example/?a=1', 'invalid-url'],
    ['a fragment', 'https://cds.clinic.example/#a', 'invalid-url'],
    ['credentials', 'https://user:pw@cds.clinic.example', 'invalid-url'],
    ['capitals in the host', 'https://CDS.clinic.example', 'invalid-url'],
    ['the default port', 'https://cds.clinic.example:443', 'invalid-url'],
  ])('refuses a public URL with %s', (_name, publicUrl, code) => {
    expect(issuesOf({ publicUrl })).toEqual([`publicUrl: ${code}`]);
  });

  it('names the form a public URL must be written in', () => {
    const read = readCdsServerConfig({ ...minimal, publicUrl: 'https://CDS.clinic.example:443/a' });
    expect(read.ok || read.issues[0]?.message).toBe(
      'expected the URL as URLs are compared: https://cds.clinic.example/a',
    );
  });

  it.each([
    ['host', { host: '' }, ['host: invalid-value']],
    ['host', { host: 7 }, ['host: invalid-value']],
    ['port', { port: 65_536 }, ['port: invalid-value']],
    ['port', { port: 80.5 }, ['port: invalid-value']],
    ['port', { port: '8080' }, ['port: invalid-value']],
    ['port', { port: -1 }, ['port: invalid-value']],
    ['algorithms', { algorithms: ['HS256'] }, ['algorithms: invalid-value']],
    ['algorithms', { algorithms: [] }, ['algorithms: invalid-value']],
    ['algorithms', { algorithms: 'ES384' }, ['algorithms: invalid-value']],
    ['clockSkewSeconds', { clockSkewSeconds: 301 }, ['clockSkewSeconds: invalid-value']],
    ['clockSkewSeconds', { clockSkewSeconds: -1 }, ['clockSkewSeconds: invalid-value']],
    ['clockSkewSeconds', { clockSkewSeconds: '60' }, ['clockSkewSeconds: invalid-value']],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }, ['timeZone: invalid-value']],
    ['timeZone', { timeZone: 3 }, ['timeZone: invalid-value']],
    ['feedbackLog', { feedbackLog: '' }, ['feedbackLog: invalid-value']],
    ['feedbackLog', { feedbackLog: ['a'] }, ['feedbackLog: invalid-value']],
  ])('refuses a wrong %s: %j', (_name, changes, issues) => {
    expect(issuesOf(changes)).toEqual(issues);
  });

  it.each([
    ['an issuer that is not an object', { issuers: ['https://ehr.example.org'] }, ['issuers.0: invalid-value']],
    ['an unknown key', issuer({ keys: [] }), ['issuers.0.keys: unknown-key']],
    ['no iss', issuer({ iss: undefined }), ['issuers.0.iss: missing']],
    ['an empty iss', issuer({ iss: '' }), ['issuers.0.iss: invalid-value']],
    ['no keys', issuer({ jwks: undefined }), ['issuers.0: missing']],
    ['a JWK Set without keys', issuer({ jwks: { keys: [] } }), ['issuers.0.jwks: invalid-value', 'issuers.0: missing']],
    ['a JWK Set that is a list', issuer({ jwks: [JWK] }), ['issuers.0.jwks: invalid-value', 'issuers.0: missing']],
    [
      'a key without kid',
      issuer({ jwks: { keys: [{ ...JWK, kid: undefined }] } }),
      ['issuers.0.jwks.keys.0.kid: invalid-value'],
    ],
    ['a key that is not an object', issuer({ jwks: { keys: ['k'] } }), ['issuers.0.jwks.keys.0.kid: invalid-value']],
    ['a private key', issuer({ jwks: { keys: [{ ...JWK, d: 'secret' }] } }), ['issuers.0.jwks.keys.0: private-key']],
    ['a jku that is not a list', issuer({ jku: 'https://ehr.example.org/jwks' }), ['issuers.0.jku: invalid-value']],
    ['an empty jku list', issuer({ jku: [] }), ['issuers.0.jku: invalid-value']],
    [
      'a jku over http',
      issuer({ jku: ['https://a.example/jwks', 'http://ehr.example.org/jwks'] }),
      ['issuers.0.jku.1: invalid-value'],
    ],
    [
      'a FHIR server over http',
      issuer({ fhirServers: ['http://ehr.example.org/fhir'] }),
      ['issuers.0.fhirServers.0: invalid-value'],
    ],
    ['a FHIR server that is not a string', issuer({ fhirServers: [5] }), ['issuers.0.fhirServers.0: invalid-value']],
  ])('refuses an issuer with %s', (_name, changes, issues) => {
    expect(issuesOf(changes)).toEqual(issues);
  });

  it('refuses an issuer listed twice', () => {
    expect(issuesOf({ issuers: [minimal.issuers[0], minimal.issuers[0]] })).toEqual(['issuers.1.iss: duplicate']);
  });

  it('says why a private key has no place in the configuration', () => {
    const read = readCdsServerConfig({ ...minimal, ...issuer({ jwks: { keys: [{ ...JWK, d: 'secret' }] } }) });
    expect(read.ok || read.issues[0]?.message).toBe('a private key: give the public key only (without "d")');
    expect(JSON.stringify(read)).not.toContain('secret');
  });

  it.each([
    ['not an object', { service: 'acuspine' }, ['service: invalid-value']],
    ['an unknown key', service({ ruleSet: 'protocol' }), ['service.ruleSet: unknown-key']],
    ['rule sets not listed', service({ ruleSets: 'protocol' }), ['service.ruleSets: invalid-value']],
    ['no rule set', service({ ruleSets: [] }), ['service.ruleSets: invalid-value']],
    ['a rule set that is not a name', service({ ruleSets: [1] }), ['service.ruleSets: invalid-value']],
    [
      'unknown rule sets',
      service({ ruleSets: ['protocol', 'flags', 'x'] }),
      ['service.ruleSets: unknown-rule-set', 'service.ruleSets: unknown-rule-set'],
    ],
    ['no source', service({ source: undefined }), ['service.source: invalid-option']],
    [
      'a source without a label',
      service({ source: { url: 'https://clinic.example' } }),
      ['service.source.label: invalid-option'],
    ],
    [
      'a source URL that is not absolute',
      service({ source: { label: 'L', url: '/about' } }),
      ['service.source.url: invalid-option'],
    ],
    ['an id that is not URL-safe', service({ id: 'a b' }), ['service.id: invalid-option']],
    ['closedWorld not a boolean', service({ closedWorld: 'yes' }), ['service.closedWorld: invalid-option']],
    ['order codes without a system', service({ orderCodes: [{ code: '1' }] }), ['service.orderCodes: invalid-option']],
    [
      'a record link without a URL',
      service({ recordFactsLink: { label: 'Form' } }),
      ['service.recordFactsLink: invalid-option'],
    ],
    [
      'override reasons without display',
      service({ overrideReasons: [{ code: 'x' }] }),
      ['service.overrideReasons: invalid-option'],
    ],
  ])('refuses a service with %s', (_name, changes, issues) => {
    expect(issuesOf(changes)).toEqual(issues);
  });

  it('names the rule sets there are', () => {
    const read = readCdsServerConfig({ ...minimal, ...service({ ruleSets: ['flags'] }) });
    expect(read.ok || read.issues[0]?.message).toBe(
      'no rule set is named "flags": the names are protocol, cautions, red-flags',
    );
  });

  it.each([
    ['not an object', { limits: 5 }, ['limits: invalid-value']],
    ['an unknown limit', { limits: { bodySize: 5 } }, ['limits.bodySize: unknown-key']],
    ['zero', { limits: { bodyBytes: 0 } }, ['limits.bodyBytes: invalid-value']],
    ['a fraction', { limits: { fhirTimeoutMs: 1.5 } }, ['limits.fhirTimeoutMs: invalid-value']],
    ['a string', { limits: { shutdownGraceMs: '10s' } }, ['limits.shutdownGraceMs: invalid-value']],
    [
      'headers allowed longer than the request',
      { limits: { headersTimeoutMs: 40_000 } },
      ['limits.headersTimeoutMs: invalid-value'],
    ],
  ])('refuses limits with %s', (_name, changes, issues) => {
    expect(issuesOf(changes)).toEqual(issues);
  });
});

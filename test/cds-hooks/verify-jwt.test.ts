// Tests of verifyCdsJwt, createReplayGuard and createKeyCache: tokens signed by jose with every
// algorithm allowed, and every way of refusing one, each with its reason code.
import { webcrypto } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CdsJwtAlgorithm,
  type CdsJwtSubtle,
  createKeyCache,
  createReplayGuard,
  type JwtVerification,
  type ReplayGuard,
  type TrustedIssuer,
  type VerifyCdsJwtOptions,
  verifyCdsJwt,
} from '../../src/cds-hooks/index.js';

const NOW = 1_800_000_000;
const ISS = 'https://ehr.example.org';
const AUD = 'https://cds.example.org/cds-services/acuspine-screening';
const JKU = 'https://ehr.example.org/.well-known/jwks.json';
const ALL: readonly CdsJwtAlgorithm[] = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

// WebCrypto's types, both Node's and the DOM's, fit the subset the verifier takes.
const nodeSubtle: CdsJwtSubtle = webcrypto.subtle;
const domSubtle: CdsJwtSubtle = globalThis.crypto.subtle;

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const signingKeys = new Map<CdsJwtAlgorithm, SigningKey>();
const publicJwks = new Map<CdsJwtAlgorithm, JWK>();
let rsaPrivateJwk: JWK;

beforeAll(async () => {
  for (const alg of ['ES256', 'ES384', 'ES512'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    signingKeys.set(alg, privateKey);
    publicJwks.set(alg, { ...(await exportJWK(publicKey)), kid: `key-${alg}`, use: 'sig' });
  }
  // One RSA key pair for the six RSA algorithms: one key generation instead of six.
  const rsa = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  rsaPrivateJwk = await exportJWK(rsa.privateKey);
  const rsaPublic = await exportJWK(rsa.publicKey);
  for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const) {
    signingKeys.set(alg, (await importJWK(rsaPrivateJwk, alg)) as SigningKey);
    publicJwks.set(alg, { ...rsaPublic, kid: `key-${alg}`, alg });
  }
});

let counter = 0;

interface TokenSpec {
  readonly alg?: CdsJwtAlgorithm;
  readonly header?: Record<string, unknown>;
  readonly claims?: Record<string, unknown>;
  readonly key?: SigningKey;
  readonly crit?: Record<string, boolean>;
}

/** A token signed by jose: valid for the default options unless the spec says otherwise. */
async function token(spec: TokenSpec = {}): Promise<string> {
  const alg = spec.alg ?? 'ES384';
  counter += 1;
  const claims = { iss: ISS, aud: AUD, exp: NOW + 300, iat: NOW, jti: `jti-${counter}`, ...spec.claims };
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid: `key-${alg}`, typ: 'JWT', ...spec.header })
    .sign(spec.key ?? (signingKeys.get(alg) as SigningKey), spec.crit === undefined ? {} : { crit: spec.crit });
}

function issuer(keys: readonly JWK[] = [...publicJwks.values()]): TrustedIssuer {
  return { iss: ISS, jwks: { keys } };
}

function options(overrides: Partial<VerifyCdsJwtOptions> = {}): VerifyCdsJwtOptions {
  return {
    audience: AUD,
    now: NOW,
    issuers: [issuer()],
    algorithms: ALL,
    replay: createReplayGuard(),
    keys: createKeyCache(),
    ...overrides,
  };
}

const bearer = (jwt: string) => `Bearer ${jwt}`;

/** A copy of `jwk` without the members named. */
function without(jwk: JWK, ...names: string[]): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const name of names) delete copy[name];
  return copy as JWK;
}

function reasonOf(result: JwtVerification): string {
  return result.ok ? 'ok' : result.reason;
}

async function reason(jwt: string, overrides: Partial<VerifyCdsJwtOptions> = {}): Promise<string> {
  return reasonOf(await verifyCdsJwt(bearer(jwt), options(overrides)));
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token whose parts are given: a header and payload to encode, and a signature as is. */
function handMade(header: unknown, payload: unknown, signature = 'c2ln'): string {
  return `${b64(header)}.${b64(payload)}.${signature}`;
}

const validPayload = () => ({ iss: ISS, aud: AUD, exp: NOW + 300, iat: NOW, jti: 'hand-made' });

describe('verifyCdsJwt: every algorithm', () => {
  for (const alg of ALL) {
    it(`accepts ${alg} when it is allowed`, async () => {
      const result = await verifyCdsJwt(bearer(await token({ alg })), options({ algorithms: [alg] }));
      expect(result).toEqual({
        ok: true,
        value: { iss: ISS, jti: `jti-${counter}`, exp: NOW + 300, iat: NOW, kid: `key-${alg}`, alg },
      });
      expect(Object.isFrozen(result)).toBe(true);
      expect(result.ok && Object.isFrozen(result.value)).toBe(true);
    });

    it(`refuses ${alg} when it is not allowed`, async () => {
      const others = ALL.filter((other) => other !== alg);
      expect(await reason(await token({ alg }), { algorithms: others })).toBe('algorithm-not-allowed');
    });
  }

  it('allows ES384, RS384 and ES256 by default, and no other', async () => {
    const { algorithms: _, ...defaults } = options();
    for (const alg of ALL) {
      const result = await verifyCdsJwt(bearer(await token({ alg })), defaults);
      expect([alg, reasonOf(result)]).toEqual([
        alg,
        ['ES384', 'RS384', 'ES256'].includes(alg) ? 'ok' : 'algorithm-not-allowed',
      ]);
    }
  });

  it('gives sub and tenant when the token has them', async () => {
    const result = await verifyCdsJwt(
      bearer(await token({ claims: { sub: 'ehr-client', tenant: 'clinic-7' } })),
      options(),
    );
    expect(result.ok && result.value).toMatchObject({ sub: 'ehr-client', tenant: 'clinic-7' });
  });

  it('accepts an aud that lists the audience among others, and a token without typ', async () => {
    expect(await reason(await token({ claims: { aud: ['https://other.example', AUD] } }))).toBe('ok');
    expect(await reason(await token({ header: { typ: undefined } }))).toBe('ok');
  });

  it('takes the WebCrypto passed, Node 18 style', async () => {
    expect(await reason(await token(), { subtle: nodeSubtle })).toBe('ok');
    expect(await reason(await token(), { subtle: domSubtle })).toBe('ok');
  });

  it('reads the Authorization scheme without regard to case, and the spaces around it', async () => {
    const jwt = await token();
    expect(reasonOf(await verifyCdsJwt(`  bearer   ${jwt} `, options()))).toBe('ok');
  });

  it('is not swayed by a polluted Object.prototype', async () => {
    const jwt = await token();
    const polluted = Object.prototype as Record<string, unknown>;
    polluted['crit'] = ['exp'];
    polluted['jku'] = 'https://attacker.example/jwks.json';
    try {
      expect(await reason(jwt)).toBe('ok');
    } finally {
      delete polluted['crit'];
      delete polluted['jku'];
    }
  });
});

describe('verifyCdsJwt: signatures and keys', () => {
  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = `${header}.${b64({ ...validPayload(), aud: AUD, iss: ISS, jti: 'forged' })}.${signature}`;
    expect(await reason(forged)).toBe('bad-signature');
  });

  it('refuses a tampered signature, and one of the wrong length', async () => {
    for (const alg of ['ES384', 'RS384', 'PS384'] as const) {
      const [header, payload, signature] = (await token({ alg })).split('.') as [string, string, string];
      const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      expect(await reason(`${header}.${payload}.${flipped}`)).toBe('bad-signature');
      expect(await reason(`${header}.${payload}.${signature.slice(4)}`)).toBe('bad-signature');
    }
  });

  it('refuses a token signed by another key with the same kid', async () => {
    const { privateKey } = await generateKeyPair('ES384');
    expect(await reason(await token({ key: privateKey }))).toBe('bad-signature');
  });

  it('refuses a token when WebCrypto will not verify at all', async () => {
    const subtle: CdsJwtSubtle = {
      importKey: (format, keyData, algorithm, extractable, usages) =>
        webcrypto.subtle.importKey(format, keyData as webcrypto.JsonWebKey, algorithm, extractable, [...usages]),
      verify: () => Promise.reject(new Error('operation failed')),
    };
    expect(await reason(await token(), { subtle })).toBe('bad-signature');
  });

  it('refuses an unknown kid, and a header without one', async () => {
    expect(await reason(await token({ header: { kid: 'key-unknown' } }))).toBe('key-not-found');
    expect(await reason(await token({ header: { kid: undefined } }))).toBe('malformed');
    expect(await reason(await token({ header: { kid: '' } }))).toBe('malformed');
    expect(await reason(await token({ header: { kid: 7 } }))).toBe('malformed');
  });

  it('refuses an ES384 token against a P-256 key of the same kid, and against an RSA key', async () => {
    const p256 = { ...(publicJwks.get('ES256') as JWK), kid: 'key-ES384' };
    expect(await reason(await token({ alg: 'ES384' }), { issuers: [issuer([p256])] })).toBe('key-not-found');
    const rsa = { ...without(publicJwks.get('RS384') as JWK, 'alg'), kid: 'key-ES384' };
    expect(await reason(await token({ alg: 'ES384' }), { issuers: [issuer([rsa])] })).toBe('key-not-found');
  });

  it('finds the key that fits among keys that share a kid', async () => {
    const p256 = { ...(publicJwks.get('ES256') as JWK), kid: 'key-ES384' };
    const keys = [p256, 'not a key', publicJwks.get('ES384') as JWK] as JWK[];
    expect(await reason(await token({ alg: 'ES384' }), { issuers: [issuer(keys)] })).toBe('ok');
  });

  it("refuses a key whose use, alg or key_ops say it is not for this token's verification", async () => {
    const es384 = publicJwks.get('ES384') as JWK;
    const refused = [
      { ...es384, use: 'enc' },
      { ...es384, alg: 'ES256' },
      { ...es384, key_ops: ['encrypt'] },
      { ...es384, key_ops: 'verify' },
    ];
    for (const key of refused) {
      expect(await reason(await token(), { issuers: [issuer([key as JWK])] })).toBe('key-not-found');
    }
    const accepted = { ...without(es384, 'use'), alg: 'ES384', key_ops: ['verify'] };
    expect(await reason(await token(), { issuers: [issuer([accepted])] })).toBe('ok');
  });

  it('refuses a key that is incomplete or that WebCrypto cannot import', async () => {
    const es384 = publicJwks.get('ES384') as JWK;
    const rs384 = publicJwks.get('RS384') as JWK;
    expect(await reason(await token(), { issuers: [issuer([without(es384, 'x')])] })).toBe('key-not-found');
    expect(await reason(await token(), { issuers: [issuer([{ ...es384, x: 'AAAA' }])] })).toBe('key-not-found');
    const rsToken = await token({ alg: 'RS384' });
    const zeros = Buffer.alloc(256).toString('base64url');
    const incomplete = [without(rs384, 'e'), { ...rs384, e: '' }, { ...rs384, n: '!!' }, { ...rs384, e: '!!' }];
    for (const key of [...incomplete, { ...rs384, n: zeros }, { ...rs384, kty: 'EC' }]) {
      expect(await reason(rsToken, { issuers: [issuer([key])] })).toBe('key-not-found');
    }
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    const subtle = webcrypto.subtle;
    const pair = await subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const jwk = { ...without((await subtle.exportKey('jwk', pair.publicKey)) as JWK, 'alg'), kid: 'short' };
    const header = b64({ alg: 'RS256', kid: 'short' });
    const payload = b64(validPayload());
    const signature = await subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, Buffer.from(`${header}.${payload}`));
    const jwt = `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
    expect(await reason(jwt, { issuers: [issuer([jwk])] })).toBe('key-not-found');
  });

  it('counts a modulus by its bytes after leading zeros', async () => {
    const rs256 = publicJwks.get('RS256') as JWK;
    // 256 bytes, of which the first two are zeros: a modulus of 2032 bits at most.
    const short = Buffer.concat([Buffer.alloc(2), Buffer.from(rs256.n as string, 'base64url').subarray(2)]);
    const tooShort = { ...rs256, n: short.toString('base64url') };
    expect(await reason(await token({ alg: 'RS256' }), { issuers: [issuer([tooShort])] })).toBe('key-not-found');
  });

  it('refuses a token of an issuer with no inline keys and no jku', async () => {
    const fetchJwks = vi.fn(async () => ({ keys: [publicJwks.get('ES384')] }));
    const issuers = [{ iss: ISS, jku: [JKU] }];
    expect(await reason(await token(), { issuers, fetchJwks })).toBe('key-not-found');
    expect(fetchJwks).not.toHaveBeenCalled();
  });
});

describe('verifyCdsJwt: algorithms never allowed', () => {
  it('refuses alg none', async () => {
    const unsecured = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(validPayload())}.`;
    expect(await reason(unsecured)).toBe('algorithm-not-allowed');
    const withKid = `${b64({ alg: 'none', kid: 'key-ES384' })}.${b64(validPayload())}.`;
    expect(await reason(withKid)).toBe('algorithm-not-allowed');
  });

  it("refuses HS256 signed with the public key's bytes as the secret", async () => {
    for (const alg of ['ES384', 'RS384'] as const) {
      const secret = new TextEncoder().encode(JSON.stringify(publicJwks.get(alg)));
      const forged = await new SignJWT(validPayload())
        .setProtectedHeader({ alg: 'HS256', kid: `key-${alg}`, typ: 'JWT' })
        .sign(secret);
      expect(await reason(forged)).toBe('algorithm-not-allowed');
    }
  });

  it('refuses a header without alg, or with one that is not a string', async () => {
    expect(await reason(handMade({ kid: 'key-ES384' }, validPayload()))).toBe('malformed');
    expect(await reason(handMade({ alg: ['ES384'], kid: 'key-ES384' }, validPayload()))).toBe('malformed');
  });
});

describe('verifyCdsJwt: claims', () => {
  it('refuses an expired token, at the boundary of the clock skew', async () => {
    expect(await reason(await token({ claims: { exp: NOW - 60 } }))).toBe('expired');
    expect(await reason(await token({ claims: { exp: NOW - 59 } }))).toBe('ok');
    expect(await reason(await token({ claims: { exp: NOW } }), { clockSkewSeconds: 0 })).toBe('expired');
    expect(await reason(await token({ claims: { exp: NOW + 1 } }), { clockSkewSeconds: 0 })).toBe('ok');
  });

  it('refuses a token issued in the future, at the boundary of the clock skew', async () => {
    expect(await reason(await token({ claims: { iat: NOW + 60 } }))).toBe('ok');
    expect(await reason(await token({ claims: { iat: NOW + 61 } }))).toBe('not-yet-valid');
    expect(await reason(await token({ claims: { iat: NOW + 1 } }), { clockSkewSeconds: 0 })).toBe('not-yet-valid');
    expect(await reason(await token({ claims: { nbf: NOW + 60 } }))).toBe('ok');
    expect(await reason(await token({ claims: { nbf: NOW + 61 } }))).toBe('not-yet-valid');
  });

  it('refuses the wrong audience, a trailing slash included', async () => {
    expect(await reason(await token({ claims: { aud: 'https://other.example/cds-services/x' } }))).toBe(
      'wrong-audience',
    );
    expect(await reason(await token({ claims: { aud: `${AUD}/` } }))).toBe('wrong-audience');
    expect(await reason(await token(), { audience: `${AUD}/` })).toBe('wrong-audience');
    expect(await reason(await token({ claims: { aud: [`${AUD}/`, 'https://other.example'] } }))).toBe('wrong-audience');
  });

  it('refuses the wrong issuer before fetching anything', async () => {
    const fetchJwks = vi.fn(async () => ({ keys: [] }));
    const issuers = [{ iss: ISS, jku: [JKU] }];
    expect(await reason(await token({ claims: { iss: 'https://attacker.example' } }), { issuers, fetchJwks })).toBe(
      'unknown-issuer',
    );
    expect(
      await reason(await token({ claims: { iss: 'https://attacker.example' }, header: { jku: JKU } }), {
        issuers,
        fetchJwks,
      }),
    ).toBe('unknown-issuer');
    expect(await reason(await token({ claims: { iss: `${ISS}/` } }))).toBe('unknown-issuer');
    expect(fetchJwks).not.toHaveBeenCalled();
  });

  it('refuses a token without one of the claims required, or with one not of its type', async () => {
    const missing: Record<string, unknown>[] = [
      { iss: undefined },
      { iss: 7 },
      { aud: undefined },
      { aud: [] },
      { aud: 7 },
      { aud: [AUD, 7] },
      { exp: undefined },
      { exp: `${NOW + 300}` },
      { iat: undefined },
      { iat: null },
      { nbf: 'now' },
      { jti: undefined },
      { jti: '' },
      { jti: 7 },
    ];
    for (const claims of missing) {
      expect([claims, await reason(await token({ claims }))]).toEqual([claims, 'missing-claim']);
    }
  });

  it('refuses a sub or tenant that is not a string', async () => {
    expect(await reason(await token({ claims: { sub: 7 } }))).toBe('malformed');
    expect(await reason(await token({ claims: { tenant: { id: 'clinic' } } }))).toBe('malformed');
  });
});

describe('verifyCdsJwt: the Authorization header', () => {
  it('says missing for no header or a blank one', async () => {
    expect(reasonOf(await verifyCdsJwt(undefined, options()))).toBe('missing');
    expect(reasonOf(await verifyCdsJwt('', options()))).toBe('missing');
    expect(reasonOf(await verifyCdsJwt('   ', options()))).toBe('missing');
  });

  it('refuses what is not a bearer JWT', async () => {
    const jwt = await token();
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const malformed = [
      jwt,
      `Basic ${jwt}`,
      `Bearer${jwt}`,
      'Bearer ',
      `Bearer ${jwt} extra`,
      `Bearer ${header}.${payload}`,
      `Bearer ${header}${payload}${signature}`,
      `Bearer ${jwt}.${signature}`,
      `Bearer ${header}.${payload}.`,
      `Bearer .${payload}.${signature}`,
      `Bearer ${header}..${signature}`,
      // Characters outside base64url: standard base64 and padding.
      `Bearer ${header}.${payload}.${signature.slice(0, -2)}+/`,
      `Bearer ${header}=.${payload}.${signature}`,
      `Bearer ${header}.${payload}.${signature}=`,
      `Bearer ${header}.${payload}.${signature}A`,
      // Bits set past the last byte: a second spelling of the same bytes.
      `Bearer ${header}.${payload}.AB`,
      `Bearer ${header}.${payload}.${signature}é`,
    ];
    for (const authorization of malformed) {
      expect([authorization, reasonOf(await verifyCdsJwt(authorization, options()))]).toEqual([
        authorization,
        'malformed',
      ]);
    }
    expect(reasonOf(await verifyCdsJwt(42 as unknown as string, options()))).toBe('malformed');
  });

  it('refuses a header or payload that is not a JSON object', async () => {
    const header = { alg: 'ES384', kid: 'key-ES384', typ: 'JWT' };
    const tokens = [
      handMade(['ES384'], validPayload()),
      handMade('null', validPayload()),
      handMade('"ES384"', validPayload()),
      handMade('{"alg":', validPayload()),
      handMade(header, [validPayload()]),
      handMade(header, '42'),
      handMade(header, 'not json'),
      // Bytes that are not UTF-8.
      `${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.${b64(validPayload())}.c2ln`,
    ];
    for (const jwt of tokens) expect(await reason(jwt)).toBe('malformed');
  });

  it('refuses a token longer than maxTokenBytes, and takes one as long', async () => {
    const jwt = await token();
    expect(await reason(jwt, { maxTokenBytes: jwt.length })).toBe('ok');
    expect(await reason(await token(), { maxTokenBytes: jwt.length - 1 })).toBe('too-large');
    expect(reasonOf(await verifyCdsJwt(`Bearer ${'a'.repeat(20_000)}`, options()))).toBe('too-large');
    expect(reasonOf(await verifyCdsJwt(`Bearer ${'a.'.repeat(8193)}`, options()))).toBe('too-large');
  });

  it('refuses a crit header, and a typ other than JWT', async () => {
    const critical = await token({ header: { crit: ['exp'], exp: NOW + 300 }, crit: { exp: true } });
    expect(await reason(critical)).toBe('unsupported-header');
    expect(await reason(handMade({ alg: 'ES384', kid: 'key-ES384', crit: [] }, validPayload()))).toBe(
      'unsupported-header',
    );
    expect(await reason(await token({ header: { typ: 'at+jwt' } }))).toBe('unsupported-header');
    expect(await reason(await token({ header: { typ: 'jwt' } }))).toBe('unsupported-header');
  });

  it('never puts the token in the result', async () => {
    const jwt = await token({ claims: { exp: NOW - 3600 } });
    const result = await verifyCdsJwt(bearer(jwt), options());
    expect(result).toEqual({ ok: false, reason: 'expired' });
    expect(Object.isFrozen(result)).toBe(true);
  });
});

describe('verifyCdsJwt: replay', () => {
  it('refuses a jti used before, and forgets it once the token has expired', async () => {
    const replay = createReplayGuard();
    const jwt = await token({ claims: { jti: 'once', exp: NOW + 100 } });
    expect(await reason(jwt, { replay })).toBe('ok');
    expect(await reason(jwt, { replay })).toBe('replayed');
    expect(await reason(jwt, { replay, now: NOW + 159 })).toBe('replayed');
    expect(replay.size).toBe(1);
    // At exp plus the skew, the token is expired, and the guard forgets it.
    expect(await reason(jwt, { replay, now: NOW + 160 })).toBe('expired');
    expect(await reason(await token({ claims: { jti: 'other', exp: NOW + 500 } }), { replay, now: NOW + 160 })).toBe(
      'ok',
    );
    expect(replay.size).toBe(1);
    // A later token that reuses the forgotten jti is taken as new.
    const reused = await token({ claims: { jti: 'once', iat: NOW + 160, exp: NOW + 460 } });
    expect(await reason(reused, { replay, now: NOW + 160 })).toBe('ok');
  });

  it('tells the issuers apart', async () => {
    const replay = createReplayGuard();
    const other = 'https://other-ehr.example.org';
    const issuers = [issuer(), { ...issuer(), iss: other }];
    expect(await reason(await token({ claims: { jti: 'same' } }), { replay, issuers })).toBe('ok');
    expect(await reason(await token({ claims: { jti: 'same', iss: other } }), { replay, issuers })).toBe('ok');
  });

  it('remembers only genuine tokens', async () => {
    const replay = createReplayGuard();
    const [header, , signature] = (await token({ claims: { jti: 'genuine' } })).split('.');
    const forged = `${header}.${b64({ ...validPayload(), jti: 'genuine', exp: NOW + 3600 })}.${signature}`;
    expect(await reason(forged, { replay })).toBe('bad-signature');
    expect(await reason(await token({ claims: { jti: 'genuine', aud: 'https://other.example' } }), { replay })).toBe(
      'wrong-audience',
    );
    expect(replay.size).toBe(0);
  });

  it('refuses new tokens when the guard is full, until one expires', async () => {
    const replay = createReplayGuard({ maxEntries: 1 });
    expect(await reason(await token({ claims: { exp: NOW + 10 } }), { replay })).toBe('ok');
    const second = await token({ claims: { exp: NOW + 300 } });
    expect(await reason(second, { replay })).toBe('replay-store-full');
    expect(await reason(second, { replay, now: NOW + 70 })).toBe('ok');
  });

  it('takes a shared store of its own, and any answer but fresh or full as replayed', async () => {
    const calls: unknown[][] = [];
    const answers = ['fresh', 'full', 'maybe'];
    const replay: ReplayGuard = {
      check: async (...args) => {
        calls.push(args);
        return answers.shift() as 'fresh';
      },
    };
    expect(await reason(await token({ claims: { jti: 'a' } }), { replay })).toBe('ok');
    expect(await reason(await token({ claims: { jti: 'b' } }), { replay })).toBe('replay-store-full');
    expect(await reason(await token({ claims: { jti: 'c' } }), { replay })).toBe('replayed');
    expect(calls[0]).toEqual([ISS, 'a', NOW + 360, NOW]);
  });
});

describe('createReplayGuard', () => {
  it('forgets tokens in the order they expire, however they came', () => {
    const guard = createReplayGuard();
    // Expiry times in a scrambled order: the heap must give them back sorted.
    const untils = Array.from({ length: 200 }, (_, index) => ((index * 7919) % 200) + 1);
    for (const [index, until] of untils.entries()) expect(guard.check(ISS, `t${index}`, until, 0)).toBe('fresh');
    expect(guard.size).toBe(200);
    for (let now = 1; now <= 150; now++) {
      guard.check(ISS, `probe${now}`, now, now);
      // Every token with until <= now is forgotten, and the probe (until = now) with them at the next check.
      expect(guard.size).toBe(200 - now + 1);
    }
    for (const [index, until] of untils.entries()) {
      expect(guard.check(ISS, `t${index}`, until, 150)).toBe(until > 150 ? 'replayed' : 'fresh');
    }
  });

  it('refuses bad options and bad arguments', () => {
    for (const maxEntries of [0, -1, 1.5, Number.NaN, '10']) {
      expect(() => createReplayGuard({ maxEntries: maxEntries as number })).toThrow(TypeError);
    }
    const guard = createReplayGuard({ maxEntries: 5 });
    expect(guard.maxEntries).toBe(5);
    expect(createReplayGuard().maxEntries).toBe(100_000);
    const check = guard.check as (...args: unknown[]) => unknown;
    for (const args of [
      [7, 'j', 1, 0],
      [ISS, 7, 1, 0],
      [ISS, 'j', Number.NaN, 0],
      [ISS, 'j', 1, Number.POSITIVE_INFINITY],
    ]) {
      expect(() => check(...args)).toThrow(TypeError);
    }
    expect(Object.isFrozen(guard)).toBe(true);
  });
});

describe('verifyCdsJwt: jku', () => {
  const jkuIssuer = (jku: readonly string[] = [JKU], jwks?: TrustedIssuer['jwks']): TrustedIssuer => ({
    iss: ISS,
    jku,
    ...(jwks === undefined ? {} : { jwks }),
  });

  function fetcher(sets: unknown[]) {
    return vi.fn(async (_url: string): Promise<unknown> => {
      const next = sets.length > 1 ? sets.shift() : sets[0];
      if (next instanceof Error) throw next;
      return next;
    });
  }

  it('never fetches a jku that is not on the issuer list', async () => {
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES384')] }]);
    const elsewhere = await token({ header: { jku: 'https://attacker.example/jwks.json' } });
    expect(await reason(elsewhere, { issuers: [jkuIssuer()], fetchJwks })).toBe('jku-not-allowed');
    // Exactly: another path or a trailing slash is another URL.
    expect(await reason(await token({ header: { jku: `${JKU}/` } }), { issuers: [jkuIssuer()], fetchJwks })).toBe(
      'jku-not-allowed',
    );
    // An issuer with inline keys only allows no jku.
    expect(await reason(await token({ header: { jku: JKU } }), { fetchJwks })).toBe('jku-not-allowed');
    expect(await reason(await token({ header: { jku: 7 } }), { fetchJwks })).toBe('malformed');
    expect(fetchJwks).not.toHaveBeenCalled();
  });

  it('fetches an allowed jku once, uses it for its lifetime, then fetches it again', async () => {
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES384')] }]);
    const keys = createKeyCache();
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys };
    const signed = (claims: Record<string, unknown> = {}) => token({ header: { jku: JKU }, claims });
    expect(await reason(await signed(), settings)).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    expect(fetchJwks).toHaveBeenCalledWith(JKU);
    expect(await reason(await signed({ iat: NOW + 299 }), { ...settings, now: NOW + 299 })).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    expect(await reason(await signed({ iat: NOW + 300, exp: NOW + 600 }), { ...settings, now: NOW + 300 })).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch among verifications under way at once', async () => {
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES384')] }]);
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache() };
    const tokens = await Promise.all([1, 2, 3].map(() => token({ header: { jku: JKU } })));
    const reasons = await Promise.all(tokens.map((jwt) => reason(jwt, settings)));
    expect(reasons).toEqual(['ok', 'ok', 'ok']);
    expect(fetchJwks).toHaveBeenCalledTimes(1);
  });

  it('shares a failed fetch too', async () => {
    const fetchJwks = fetcher([new Error('503')]);
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache() };
    const tokens = await Promise.all([1, 2].map(() => token({ header: { jku: JKU } })));
    const reasons = await Promise.all(tokens.map((jwt) => reason(jwt, settings)));
    expect(reasons).toEqual(['key-unavailable', 'key-unavailable']);
    expect(fetchJwks).toHaveBeenCalledTimes(1);
  });

  it('gives key-unavailable when the fetch fails or gives no JWK Set, and waits 30 s to fetch again', async () => {
    for (const failure of [new Error('503'), { keys: 'none' }, null, ['keys']]) {
      const fetchJwks = fetcher([failure, { keys: [publicJwks.get('ES384')] }]);
      const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache() };
      expect(await reason(await token({ header: { jku: JKU } }), settings)).toBe('key-unavailable');
      expect(
        await reason(await token({ header: { jku: JKU }, claims: { iat: NOW + 29 } }), { ...settings, now: NOW + 29 }),
      ).toBe('key-unavailable');
      expect(fetchJwks).toHaveBeenCalledTimes(1);
      expect(
        await reason(await token({ header: { jku: JKU }, claims: { iat: NOW + 30 } }), { ...settings, now: NOW + 30 }),
      ).toBe('ok');
      expect(fetchJwks).toHaveBeenCalledTimes(2);
    }
  });

  it('uses no set past its lifetime when fetching it again fails', async () => {
    const fetchJwks = fetcher([
      { keys: [publicJwks.get('ES384')] },
      new Error('timeout'),
      { keys: [publicJwks.get('ES384')] },
    ]);
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache({ lifetimeSeconds: 30 }) };
    const at = async (now: number) =>
      reason(await token({ header: { jku: JKU }, claims: { iat: now, exp: now + 300 } }), { ...settings, now });
    expect(await at(NOW)).toBe('ok');
    expect(await at(NOW + 30)).toBe('key-unavailable');
    expect(await at(NOW + 45)).toBe('key-unavailable');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
    expect(await at(NOW + 60)).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(3);
  });

  it('fetches again once for a new kid (key rotation), never within 30 s of the last fetch', async () => {
    const rotated = { ...(publicJwks.get('ES384') as JWK), kid: 'key-2027' };
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES384')] }, { keys: [publicJwks.get('ES384'), rotated] }]);
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache() };
    const at = async (now: number, kid: string) =>
      reason(await token({ header: { jku: JKU, kid }, claims: { iat: now, exp: now + 300 } }), { ...settings, now });
    expect(await at(NOW, 'key-ES384')).toBe('ok');
    // Within 30 s of the fetch, an unknown kid does not fetch again.
    expect(await at(NOW + 29, 'key-2027')).toBe('key-not-found');
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    expect(await at(NOW + 30, 'key-2027')).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
    // A kid still unknown after the refetch: no fetch again within 30 s.
    expect(await at(NOW + 40, 'key-forged')).toBe('key-not-found');
    expect(await at(NOW + 59, 'key-forged')).toBe('key-not-found');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
    expect(await at(NOW + 40, 'key-2027')).toBe('ok');
    expect(await at(NOW + 41, 'key-ES384')).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('keeps the cached set when a fetch for a new kid fails', async () => {
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES384')] }, new Error('503')]);
    const settings = { issuers: [jkuIssuer()], fetchJwks, keys: createKeyCache() };
    const at = async (now: number, kid: string) =>
      reason(await token({ header: { jku: JKU, kid }, claims: { iat: now, exp: now + 300 } }), { ...settings, now });
    expect(await at(NOW, 'key-ES384')).toBe('ok');
    expect(await at(NOW + 30, 'key-2027')).toBe('key-unavailable');
    expect(await at(NOW + 31, 'key-ES384')).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('looks for the key of a token with jku in that set only', async () => {
    const fetchJwks = fetcher([{ keys: [publicJwks.get('ES256')] }]);
    const issuers = [jkuIssuer([JKU], { keys: [publicJwks.get('ES384') as JWK] })];
    expect(await reason(await token({ header: { jku: JKU } }), { issuers, fetchJwks })).toBe('key-not-found');
    expect(await reason(await token(), { issuers, fetchJwks })).toBe('ok');
    expect(fetchJwks).toHaveBeenCalledTimes(1);
  });
});

describe('createKeyCache', () => {
  it('takes a lifetime from 30 s to a day', () => {
    expect(createKeyCache().lifetimeSeconds).toBe(300);
    expect(createKeyCache({ lifetimeSeconds: 30 }).lifetimeSeconds).toBe(30);
    expect(createKeyCache({ lifetimeSeconds: 86_400 }).lifetimeSeconds).toBe(86_400);
    for (const lifetimeSeconds of [29, 86_401, Number.NaN, '300']) {
      expect(() => createKeyCache({ lifetimeSeconds: lifetimeSeconds as number })).toThrow(TypeError);
    }
    expect(Object.isFrozen(createKeyCache())).toBe(true);
  });
});

describe('verifyCdsJwt: options', () => {
  async function typeError(overrides: Record<string, unknown>, message: RegExp): Promise<void> {
    const jwt = await token();
    await expect(verifyCdsJwt(bearer(jwt), { ...options(), ...overrides } as VerifyCdsJwtOptions)).rejects.toThrow(
      message,
    );
    await expect(verifyCdsJwt(bearer(jwt), { ...options(), ...overrides } as VerifyCdsJwtOptions)).rejects.toThrow(
      TypeError,
    );
  }

  it("refuses 'none' and HMAC among the algorithms, at compile time and at run time", async () => {
    const none: VerifyCdsJwtOptions = {
      ...options(),
      // @ts-expect-error: 'none' is not an algorithm a CDS client may sign with
      algorithms: ['none'],
    };
    await expect(verifyCdsJwt(bearer(await token()), none)).rejects.toThrow(TypeError);
    const hmac: VerifyCdsJwtOptions = {
      ...options(),
      // @ts-expect-error: nor is HS256
      algorithms: ['ES384', 'HS256'],
    };
    await expect(verifyCdsJwt(bearer(await token()), hmac)).rejects.toThrow(/options\.algorithms/);
    await typeError({ algorithms: [] }, /options\.algorithms/);
    await typeError({ algorithms: 'ES384' }, /options\.algorithms/);
  });

  it('refuses every other wrong option, naming it and never the token', async () => {
    await typeError({ audence: AUD }, /"audence" is not an option/);
    await typeError({ audience: '' }, /options\.audience/);
    await typeError({ audience: undefined }, /options\.audience/);
    await typeError({ now: Number.NaN }, /options\.now/);
    await typeError({ now: `${NOW}` }, /options\.now/);
    await typeError({ clockSkewSeconds: 301 }, /clockSkewSeconds/);
    await typeError({ clockSkewSeconds: -1 }, /clockSkewSeconds/);
    await typeError({ clockSkewSeconds: '60' }, /clockSkewSeconds/);
    await typeError({ maxTokenBytes: 0 }, /maxTokenBytes/);
    await typeError({ maxTokenBytes: 1.5 }, /maxTokenBytes/);
    await typeError({ replay: undefined }, /options\.replay/);
    await typeError({ replay: { check: true } }, /options\.replay/);
    await typeError({ keys: undefined }, /options\.keys/);
    await typeError({ keys: { lifetimeSeconds: 300 } }, /options\.keys/);
    await typeError({ fetchJwks: 'https://ehr.example.org' }, /options\.fetchJwks/);
    await typeError({ subtle: {} }, /options\.subtle/);
    await typeError({ subtle: { importKey() {}, verify: 1 } }, /options\.subtle/);
    await typeError({ issuers: [] }, /options\.issuers/);
    await typeError({ issuers: issuer() }, /options\.issuers/);
    await typeError({ issuers: ['https://ehr.example.org'] }, /options\.issuers\[0\] must be an object/);
    await typeError({ issuers: [{ ...issuer(), iss: '' }] }, /options\.issuers\[0\]\.iss/);
    await typeError({ issuers: [issuer(), issuer()] }, /options\.issuers\[1\]\.iss is listed twice/);
    await typeError({ issuers: [{ iss: ISS }] }, /options\.issuers\[0\] needs its keys/);
    await typeError({ issuers: [{ iss: ISS, jwks: [] }] }, /options\.issuers\[0\]\.jwks/);
    await typeError({ issuers: [{ iss: ISS, jwks: { keys: {} } }] }, /options\.issuers\[0\]\.jwks/);
    await typeError({ issuers: [{ iss: ISS, jku: JKU }], fetchJwks: async () => ({}) }, /\.jku must be a list/);
    await typeError({ issuers: [{ iss: ISS, jku: [''] }], fetchJwks: async () => ({}) }, /\.jku must be a list/);
    await typeError({ issuers: [{ iss: ISS, jku: [JKU] }] }, /\.jku needs options\.fetchJwks/);
    await expect(verifyCdsJwt(undefined, null as unknown as VerifyCdsJwtOptions)).rejects.toThrow(
      'verifyCdsJwt: options must be an object',
    );
    const jwt = await token();
    await verifyCdsJwt(bearer(jwt), { ...options(), now: Number.NaN }).catch((error: Error) => {
      expect(error.message).not.toContain(jwt.split('.')[1]);
    });
  });

  it('says how to pass WebCrypto where there is none', async () => {
    const jwt = await token();
    vi.stubGlobal('crypto', undefined);
    try {
      await expect(verifyCdsJwt(bearer(jwt), options())).rejects.toThrow(
        "verifyCdsJwt: no WebCrypto here: pass subtle: (await import('node:crypto')).webcrypto.subtle on Node 18, or a SubtleCrypto",
      );
      expect(await reason(jwt, { subtle: nodeSubtle })).toBe('ok');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('createKeyCache: the keys WebCrypto imports', () => {
  /** Node's WebCrypto, counting the keys it imports. */
  function counting() {
    const imports: unknown[] = [];
    const subtle: CdsJwtSubtle = {
      importKey: (format, keyData, algorithm, extractable, usages) => {
        imports.push(keyData);
        return nodeSubtle.importKey(format, keyData, algorithm, extractable, usages);
      },
      verify: (algorithm, key, signature, data) => nodeSubtle.verify(algorithm, key, signature, data),
    };
    return { subtle, imports };
  }

  it('are imported once per key and cache, however many tokens that key signed', async () => {
    const { subtle, imports } = counting();
    const keys = createKeyCache();
    const replay = createReplayGuard();
    for (let i = 0; i < 3; i++) expect(await reason(await token(), { subtle, keys, replay })).toBe('ok');
    expect(imports).toHaveLength(1);
    // A token signed with another key forged under the same kid is still refused with the kept key.
    const { privateKey } = await generateKeyPair('ES384');
    expect(await reason(await token({ key: privateKey }), { subtle, keys, replay })).toBe('bad-signature');
    expect(await reason(await token({ alg: 'ES256' }), { subtle, keys, replay })).toBe('ok');
    expect(imports).toHaveLength(2);
    // Another cache imports for itself.
    expect(await reason(await token(), { subtle, replay })).toBe('ok');
    expect(imports).toHaveLength(3);
  });

  it('are told apart by algorithm for one RSA key, and a key WebCrypto refuses stays refused', async () => {
    const { subtle, imports } = counting();
    const keys = createKeyCache();
    expect(await reason(await token({ alg: 'RS256' }), { subtle, keys })).toBe('ok');
    expect(await reason(await token({ alg: 'PS256' }), { subtle, keys })).toBe('ok');
    expect(imports).toHaveLength(2);
    const broken = { ...(publicJwks.get('ES384') as JWK), x: 'AAAA', y: 'AAAA' };
    const refused = { issuers: [issuer([broken])], subtle, keys };
    expect(await reason(await token(), refused)).toBe('key-not-found');
    expect(await reason(await token(), refused)).toBe('key-not-found');
    expect(imports).toHaveLength(3);
  });

  it('are kept by key material: a key listed under two kids is imported once', async () => {
    const { subtle, imports } = counting();
    const keys = createKeyCache();
    const jwk = publicJwks.get('ES384') as JWK;
    const twice = { issuers: [issuer([jwk, { ...jwk, kid: 'again' }])], subtle, keys };
    expect(await reason(await token(), twice)).toBe('ok');
    expect(await reason(await token({ header: { kid: 'again' } }), twice)).toBe('ok');
    expect(imports).toHaveLength(1);
  });

  it('are forgotten all at once past 256, and imported again as they come', async () => {
    const { subtle, imports } = counting();
    const keys = createKeyCache();
    const pairs = await Promise.all(Array.from({ length: 257 }, () => generateKeyPair('ES256', { extractable: true })));
    const many = await Promise.all(
      pairs.map(async ({ publicKey }, i) => ({ ...(await exportJWK(publicKey)), kid: `k${i}` })),
    );
    const verifyWith = async (i: number) =>
      reason(
        await token({
          alg: 'ES256',
          header: { kid: `k${i}` },
          key: (pairs[i] as { privateKey: SigningKey }).privateKey,
        }),
        {
          issuers: [issuer(many)],
          subtle,
          keys,
        },
      );
    for (let i = 0; i < 256; i++) expect(await verifyWith(i)).toBe('ok');
    expect(imports).toHaveLength(256);
    expect(await verifyWith(0)).toBe('ok');
    expect(imports).toHaveLength(256);
    expect(await verifyWith(256)).toBe('ok');
    expect(await verifyWith(0)).toBe('ok');
    expect(imports).toHaveLength(258);
  });
});

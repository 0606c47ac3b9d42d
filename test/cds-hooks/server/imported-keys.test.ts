// The server keeps the public keys WebCrypto imports for verifyCdsJwt: one import per key, the
// same key object for every token it signed, and the kept keys dropped once there are too many.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CdsJwtSubtle } from '../../../src/cds-hooks/index.js';
import { keepingImportedKeys } from '../../../src/cds-hooks/server/imported-keys.js';

/** WebCrypto, counting its imports. */
function counting() {
  const imports: unknown[] = [];
  const subtle: CdsJwtSubtle = {
    importKey: (format, keyData, algorithm, extractable, usages) => {
      imports.push(keyData);
      return webcrypto.subtle.importKey(format, keyData as JsonWebKey, algorithm, extractable, [...usages]);
    },
    verify: (algorithm, key, signature, data) => webcrypto.subtle.verify(algorithm, key as CryptoKey, signature, data),
  };
  return { subtle, imports };
}

async function publicJwk() {
  const { publicKey, privateKey } = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', publicKey);
  return { jwk: { kty, crv, x, y } as Record<string, string>, privateKey };
}

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' };

describe('keepingImportedKeys', () => {
  it('imports a key once, and verifies with it as WebCrypto does', async () => {
    const { subtle, imports } = counting();
    const keeping = keepingImportedKeys(subtle, 8);
    const { jwk, privateKey } = await publicJwk();
    const first = await keeping.importKey('jwk', { ...jwk }, ecdsa, false, ['verify']);
    const again = await keeping.importKey('jwk', { ...jwk }, ecdsa, false, ['verify']);
    expect(again).toBe(first);
    expect(imports).toHaveLength(1);
    const data = new TextEncoder().encode('header.payload');
    const signature = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data);
    expect(await keeping.verify({ name: 'ECDSA', hash: 'SHA-256' }, first, signature, data.buffer)).toBe(true);
    expect(await keeping.verify({ name: 'ECDSA', hash: 'SHA-256' }, first, signature, new ArrayBuffer(3))).toBe(false);
  });

  it('keeps keys apart by their material and by how they are imported', async () => {
    const { subtle, imports } = counting();
    const keeping = keepingImportedKeys(subtle, 8);
    const [one, two] = [await publicJwk(), await publicJwk()];
    await keeping.importKey('jwk', one.jwk, ecdsa, false, ['verify']);
    await keeping.importKey('jwk', two.jwk, ecdsa, false, ['verify']);
    await keeping.importKey('jwk', one.jwk, { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }, false, ['verify']);
    expect(imports).toHaveLength(3);
  });

  it('drops the kept keys when there are too many, and imports them again', async () => {
    const { subtle, imports } = counting();
    const keeping = keepingImportedKeys(subtle, 2);
    const keys = [await publicJwk(), await publicJwk(), await publicJwk()];
    for (const { jwk } of keys) await keeping.importKey('jwk', jwk, ecdsa, false, ['verify']);
    await keeping.importKey('jwk', (keys[2] as { jwk: object }).jwk, ecdsa, false, ['verify']);
    expect(imports).toHaveLength(3);
    await keeping.importKey('jwk', (keys[0] as { jwk: object }).jwk, ecdsa, false, ['verify']);
    expect(imports).toHaveLength(4);
  });

  it('keeps a key WebCrypto refuses refused', async () => {
    const { subtle, imports } = counting();
    const keeping = keepingImportedKeys(subtle, 8);
    const broken = { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' };
    await expect(keeping.importKey('jwk', broken, ecdsa, false, ['verify'])).rejects.toBeDefined();
    await expect(keeping.importKey('jwk', broken, ecdsa, false, ['verify'])).rejects.toBeDefined();
    expect(imports).toHaveLength(1);
  });
});

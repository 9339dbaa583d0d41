import { createCutoffReader, type BaseContext } from '@kh02/subgraph-kit';

/**
 * Per-request cut-off loaders: the cut-offs are read once per request, in one statement, from this
 * subgraph's database; the as-of rule (default, earliest, what a caller may see past the latest
 * published cut-off) is the kit's (`createCutoffReader`).
 */
export function createCutoffLoaders(ctx: Pick<BaseContext, 'em' | 'caller' | 'provinceOfCommune'>) {
  const { timeline, asOf } = createCutoffReader(ctx);
  /** Every reporting cut-off, oldest first (memoised for the request). */
  const reportingCutoffs = async (): Promise<Date[]> => (await timeline()).cutoffs;
  return { reportingCutoffs, timeline, asOf };
}

/** The cut-off loaders' type, for the context and for services that read at a moment. */
export type CutoffLoaders = ReturnType<typeof createCutoffLoaders>;

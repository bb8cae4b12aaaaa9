/**
 * Object shapes kept alive between scoring runs.
 *
 * V8 gives a class instance its hidden class (map) by transitions from the constructor's initial
 * map, and holds those transitions weakly. Every instance of a scoring run's working classes
 * (CustomerIndex, ScoredColumns, Interner…) is garbage once the run returns, so a collection
 * between two runs also collects their maps; every optimised function that had checked one is
 * then thrown away and its type feedback cleared, and the next run starts cold again (at 100,000
 * customers: a score of deoptimisations and recompilations per run). One small live instance per
 * class keeps its maps, hence the optimised code, from run to run.
 *
 * The same goes for a number field holding a fraction (a double) in an object literal that a
 * hot function makes once per run: the object gets a new map each run, and the function is
 * thrown back to the interpreter at that literal every run. Such figures travel in a
 * Float64Array instead (Population.meanRfm, the summary's amounts). And a hot loop over an object
 * made once per run takes its fields as arguments instead (contact-trend.ts).
 */
const kept: object[] = [];

/** Keeps `example` (an instance built as the engine builds them) alive for the life of the module. */
export function keepShape<T extends object>(example: T): T {
  kept.push(example);
  return example;
}

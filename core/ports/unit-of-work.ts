/**
 * Runs a use case's reads and writes in one transaction. `R` is the set of repositories the
 * use case needs, all bound to that transaction (so an action, its history row, its audit row
 * and its outbox mail commit together or not at all).
 */
export interface UnitOfWork<R> {
  run<T>(work: (repos: R) => Promise<T>): Promise<T>;
}

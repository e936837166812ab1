import type { UnitOfWork } from '../core/ports/unit-of-work.js';
import type { Db, Tx } from './db.js';

/** Runs work in one database transaction with repositories bound to it. */
export class PgUnitOfWork<R> implements UnitOfWork<R> {
  constructor(
    private readonly db: Db,
    private readonly bind: (tx: Tx) => R,
  ) {}

  run<T>(work: (repos: R) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(this.bind(tx)));
  }
}

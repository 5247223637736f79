/**
 * Reads of one workshop's rows. A reader runs alone (`listCards(db, id)`) or with others in one
 * round trip to D1 (`readWorkshop(db, id, [listCards, listBallots])`: a batch, which also reads
 * them all at one moment), so a page built from many tables asks D1 once, not once a table.
 */

export interface WorkshopRows<T> {
  (db: D1Database, workshopId: string): Promise<T[]>;
  /** the read as a statement, for a batch */
  statement(db: D1Database, workshopId: string): D1PreparedStatement;
}

/** A reader of one workshop's rows: `sql` has the workshop id as its one parameter. */
export function workshopRows<T>(sql: string): WorkshopRows<T> {
  const statement = (db: D1Database, workshopId: string) => db.prepare(sql).bind(workshopId);
  const read = async (db: D1Database, workshopId: string) => (await statement(db, workshopId).all<T>()).results;
  return Object.assign(read, { statement });
}

/** `SELECT *` of one workshop's rows of `table`; `rest` adds conditions and the order (`AND … ORDER BY …`). */
export const allRows = <T>(table: string, rest: string) =>
  workshopRows<T>(`SELECT * FROM ${table} WHERE workshop_id = ? ${rest}`.trim());

type RowsOf<R> = R extends WorkshopRows<infer T> ? T[] : never;
type ReadRows<R extends readonly WorkshopRows<unknown>[]> = { -readonly [K in keyof R]: RowsOf<R[K]> };

/** Several readers' rows of one workshop, in their order, from one batch. */
export async function readWorkshop<const R extends readonly WorkshopRows<unknown>[]>(
  db: D1Database,
  workshopId: string,
  readers: R,
): Promise<ReadRows<R>> {
  const results = await db.batch(readers.map((read) => read.statement(db, workshopId)));
  // Each result is its reader's statement's rows: the types the readers name, in their order.
  return results.map((result) => result.results) as ReadRows<R>;
}

/**
 * What every store's migrations share: the refusal to open a database written by a newer server.
 * The server migrates forward on start; it never guesses at a schema it does not know.
 */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    /** Where the database is (a file, a URL without its password). */
    readonly where: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `${where} has schema version ${found}, but this server knows versions up to ${known}: it was written by a newer @clientela/mock-server. Upgrade the server (or open another database); nothing was changed.`,
    );
  }
}

/** One step of a store's schema, applied once and recorded in its schema version table. */
export interface Migration<Db, R extends void | Promise<void> = void> {
  version: number;
  /** What it does, recorded beside the version. */
  name: string;
  up(db: Db): R;
}

/** Versions are 1, 2, 3… in order, so "the newest known" is the last one's. */
export function checkMigrations(list: readonly { version: number; name: string }[]): number {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  return list.length;
}

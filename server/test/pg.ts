// PostgreSQL names and housekeeping for test runs against TEST_DATABASE_URL.
import pg from 'pg';

/** The same server as TEST_DATABASE_URL, another database on it. */
export function adminUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const templateName = () => `openkam_tpl_${process.pid}`;

/** The prefix of every database one run creates, so its global teardown can find and drop them. */
export const runPrefix = (runId: string) => `openkam_t_${runId}_`;

/** Runs `fn` on a connection to TEST_DATABASE_URL's maintenance database, closed afterwards. */
export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its pool has let go. pool.end() resolves before its sockets close; a
 * forced drop would then kill those backends and the pool's clients would raise unhandled 57P01
 * errors, so wait (up to 2 s) for them to go first.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
}

/** Drops every database of the run (each worker's shared one, and fresh ones a failed file left behind). */
export async function dropRunDatabases(url: string, runId: string): Promise<void> {
  await withAdmin(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'select datname as name from pg_database where starts_with(datname, $1)',
      [runPrefix(runId)],
    );
    for (const { name } of rows)
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}

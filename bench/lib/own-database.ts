/**
 * One database per benched facade on a shared PostgreSQL server: facades on one database share
 * their state (the active policy among it, docs/scale.md), so two facades meant to run different
 * policies side by side would end up on one.
 */
import { Client } from 'pg';

/** Creates database `name` on the server of `serverUrl` and returns its URL. */
export async function createOwnDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

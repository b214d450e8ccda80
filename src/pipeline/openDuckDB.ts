import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Offline, an extension autoload hangs for a minute before failing: never let DuckDB reach for the network. */
export const OFFLINE_OPTIONS: Readonly<Record<string, string>> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
};

export interface OpenDuckDB {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/** An in-memory native DuckDB with extension downloads turned off. */
export async function openDuckDB(): Promise<OpenDuckDB> {
  const instance = await DuckDBInstance.create(':memory:', { ...OFFLINE_OPTIONS });
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

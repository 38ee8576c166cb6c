import type { StoreConfig, UnderstudyConfig } from './config-types';

/** What `openStore` is given: the `store` section, a PGlite one with the lab's start-up image added. */
export type StoreConnectionConfig = StoreConfig | (Extract<StoreConfig, { driver: 'pglite' }> & { readonly image: string });

/** The store connection of `config`; `lab.pgliteImage` applies only to PGlite (docs/store.md "Start-up image"). */
export function storeConnectionOf(config: UnderstudyConfig): StoreConnectionConfig {
  const store = config.store;
  if (store.driver !== 'pglite' || config.lab.pgliteImage === undefined) return store;
  return { ...store, image: config.lab.pgliteImage };
}

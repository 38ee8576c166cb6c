import type { UnderstudyConfig } from './config-types';

/** What `openStore` is given: the `store` section, plus the lab's start-up image for an in-memory PGlite. */
export type StoreConnectionConfig =
  | { readonly driver: 'pglite'; readonly dataDir?: string; readonly image?: string }
  | { readonly driver: 'postgres'; readonly url: string; readonly poolSize: number };

/** The store connection of `config`; `lab.pgliteImage` applies only to PGlite (docs/store.md "Start-up image"). */
export function storeConnectionOf(config: UnderstudyConfig): StoreConnectionConfig {
  const store = config.store;
  if (store.driver !== 'pglite' || config.lab.pgliteImage === undefined) return store;
  return { ...store, image: config.lab.pgliteImage };
}

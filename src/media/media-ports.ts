/**
 * The media library's vocabulary and ports (docs/media.md): files of the inventory, their copy state
 * in the store, and what the copy needs from the origin (the vendor's CDN) and the bucket. Plain data;
 * the implementations live in src/store and src/upstream.
 */

/** Copy state of one file (issue 18 "Copy and verify"). */
export type MediaFileState = 'pending' | 'copied' | 'verified' | 'failed';

/** Every state, for counts and metric label sets. */
export const mediaFileStates: readonly MediaFileState[] = ['pending', 'copied', 'verified', 'failed'];

/** One file of the inventory: its id, its asset and where its manifest lives on the vendor CDN. */
export interface InventoryFile {
  readonly fileId: number;
  readonly assetId: number;
  readonly manifestUrl: string;
}

/** A file with its recorded state. */
export interface MediaFileRecord extends InventoryFile {
  readonly state: MediaFileState;
  readonly reason?: string;
  readonly bytes: number;
  readonly objects: number;
}

/** An object copied and verified in the bucket. */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

/** `GET /admin/media`, `understudy media status` (issue 18). */
export interface MediaStatus {
  readonly files: Readonly<Record<MediaFileState | 'total', number>>;
  readonly bytes: Readonly<Record<MediaFileState | 'total', number>>;
  readonly failures: readonly { readonly fileId: number; readonly reason: string }[];
}

/** Per-file copy state in the store (migration 012). */
export interface MediaStateStore {
  /** Adds files not yet known as `pending`; known files keep their state. */
  addInventory(files: readonly InventoryFile[]): Promise<void>;
  /** Files by id (all when `ids` is absent), in file id order. */
  listFiles(ids?: readonly number[]): Promise<MediaFileRecord[]>;
  setState(fileId: number, state: MediaFileState, detail?: { readonly reason?: string; readonly bytes?: number; readonly objects?: number }): Promise<void>;
  recordObject(fileId: number, object: StoredObject): Promise<void>;
  objectsOf(fileId: number): Promise<StoredObject[]>;
  /** Forgets a file's objects (a failed verification: the next copy checks each again). */
  forgetObjects(fileId: number): Promise<void>;
  /** Verified files with the bucket folder of each (`vod/1/2/`), for playback. */
  verifiedFolders(): Promise<Map<number, string>>;
  summarise(maxFailures: number): Promise<MediaStatus>;
}

/** Why an HTTP exchange with the origin or the bucket failed; `retryable` = 5xx, reset or timeout. */
export interface TransferFailure {
  readonly reason: string;
  readonly retryable: boolean;
}

export type Transfer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: TransferFailure };

/** Size and SHA-256 of bytes read as a stream. */
export interface Digest {
  readonly size: number;
  readonly sha256: string;
}

/** The vendor CDN as the copy reads it. */
export interface MediaOrigin {
  /** Reads a small object whole (manifests, segments under the part size); more than `maxBytes` fails. */
  read(url: string, maxBytes: number): Promise<Transfer<Buffer>>;
}

/** The bucket as the copy writes and checks it. */
export interface MediaBucket {
  /** The object's size and recorded SHA-256 (`x-amz-meta-sha256`); `undefined` when absent. */
  head(key: string): Promise<Transfer<Digest | undefined>>;
  put(key: string, body: Buffer, sha256: string): Promise<Transfer<void>>;
  /** Reads the object back and hashes it; `undefined` when absent. */
  digest(key: string): Promise<Transfer<Digest | undefined>>;
}

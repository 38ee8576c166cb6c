/**
 * KS tokens in the vendor's v2 shape (brief §4.1): base64url of `v2|<partnerId>|` followed by an
 * AES-128-CBC blob (key = first 16 bytes of SHA-1(secret), zero IV) of
 * `SHA1(random16 + fields) + random16 + fields`, where fields are URL-encoded `_e` (expiry),
 * `_t` (type), `_u` (user id), `_c` (create date) and privileges (`udid`, `hh`, `sid`, …).
 * Devices never parse a KS (brief §4.1), so the layout only has to round-trip here.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Result } from '../core/result';
import { err, ok } from '../core/result';

export type KsSessionType = 'user' | 'anonymous';

/** What a KS says once decoded and its signature checked (expiry is the caller's concern, 500016). */
export interface KsPayload {
  readonly partnerId: number;
  readonly userId: string;
  readonly type: KsSessionType;
  /** Epoch seconds. */
  readonly expiry: number;
  readonly createDate: number;
  /** Every privilege, standard ones (`udid`, `hh`, `sid`) included. */
  readonly privileges: Readonly<Record<string, string>>;
}

export interface MintKsInput {
  readonly partnerId: number;
  readonly secret: string;
  readonly userId: string;
  readonly type: KsSessionType;
  readonly expiry: number;
  readonly createDate: number;
  readonly privileges?: Readonly<Record<string, string>>;
  /** Source of the 16 random bytes (tests); defaults to crypto.randomBytes. */
  readonly random?: (size: number) => Buffer;
}

/** `malformed`: not a v2 KS; `unknown-partner`: no secret for its partner; `bad-signature`: wrong secret or tampered. */
export type KsDecodeError = 'malformed' | 'unknown-partner' | 'bad-signature';

/** Privilege keys understudy writes (session.get renders them as `name:value,…`). */
export const ksPrivilegeKeys = { udid: 'udid', householdId: 'hh', sessionId: 'sid', anonymous: 'anon' } as const;

const zeroIv = Buffer.alloc(16);
const keyCache = new Map<string, Buffer>();
const reservedFields = new Set(['_e', '_t', '_u', '_c']);

/** AES key for a partner secret, derived once per secret (decoding runs on every request). */
function deriveKey(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (key === undefined) {
    key = createHash('sha1').update(secret, 'utf8').digest().subarray(0, 16);
    if (keyCache.size > 64) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

function sha1(...parts: Buffer[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function encodeFields(input: MintKsInput): string {
  const fields = new URLSearchParams();
  fields.set('_e', String(input.expiry));
  fields.set('_t', '0');
  fields.set('_u', input.userId);
  fields.set('_c', String(input.createDate));
  for (const [name, value] of Object.entries(input.privileges ?? {})) if (!reservedFields.has(name)) fields.set(name, value);
  if (input.type === 'anonymous') fields.set(ksPrivilegeKeys.anonymous, '1');
  return fields.toString();
}

/** Mints a KS (user or anonymous) signed with the partner secret. */
export function mintKs(input: MintKsInput): string {
  const random = (input.random ?? randomBytes)(16);
  const fields = Buffer.from(encodeFields(input), 'utf8');
  const cipher = createCipheriv('aes-128-cbc', deriveKey(input.secret), zeroIv);
  const blob = Buffer.concat([cipher.update(Buffer.concat([sha1(random, fields), random, fields])), cipher.final()]);
  return Buffer.concat([Buffer.from(`v2|${input.partnerId}|`, 'utf8'), blob]).toString('base64url');
}

/** Splits the outer `v2|<pid>|<blob>` layer, or null when the text is not a v2 KS. */
function splitOuter(ks: string): { partnerId: number; blob: Buffer } | null {
  if (ks.length < 12 || ks.length > 4096 || !/^[A-Za-z0-9_\-+/]+=*$/.test(ks)) return null;
  const raw = Buffer.from(ks.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
  const first = raw.indexOf(0x7c);
  const second = first < 0 ? -1 : raw.indexOf(0x7c, first + 1);
  if (first < 0 || second < 0 || raw.subarray(0, first).toString('latin1') !== 'v2') return null;
  const pidText = raw.subarray(first + 1, second).toString('latin1');
  if (!/^\d{1,10}$/.test(pidText)) return null;
  const blob = raw.subarray(second + 1);
  if (blob.length === 0 || blob.length % 16 !== 0) return null;
  return { partnerId: Number(pidText), blob };
}

function decryptBlob(blob: Buffer, secret: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-128-cbc', deriveKey(secret), zeroIv);
    return Buffer.concat([decipher.update(blob), decipher.final()]);
  } catch {
    return null;
  }
}

function parseFields(partnerId: number, text: string): Result<KsPayload, KsDecodeError> {
  const fields = new URLSearchParams(text);
  const expiry = Number(fields.get('_e'));
  const createDate = Number(fields.get('_c') ?? '0');
  const userId = fields.get('_u');
  if (!Number.isInteger(expiry) || !Number.isInteger(createDate) || userId === null) return err('malformed');
  const privileges: Record<string, string> = {};
  for (const [name, value] of fields) if (!reservedFields.has(name)) privileges[name] = value;
  const type: KsSessionType = privileges[ksPrivilegeKeys.anonymous] === '1' ? 'anonymous' : 'user';
  return ok({ partnerId, userId, type, expiry, createDate, privileges });
}

/**
 * Decodes and verifies a KS with the secret of the partner it names. Expiry and revocation are
 * not checked here: the caller answers those with 500016; any failure here is 500015 (brief §4.3).
 */
export function decodeKs(ks: string, secretForPartner: (partnerId: number) => string | undefined): Result<KsPayload, KsDecodeError> {
  const outer = splitOuter(ks.trim());
  if (outer === null) return err('malformed');
  const secret = secretForPartner(outer.partnerId);
  if (secret === undefined) return err('unknown-partner');
  const plain = decryptBlob(outer.blob, secret);
  if (plain === null || plain.length < 36) return err('bad-signature');
  const signature = plain.subarray(0, 20);
  const random = plain.subarray(20, 36);
  const fields = plain.subarray(36);
  if (!sha1(random, fields).equals(signature)) return err('bad-signature');
  return parseFields(outer.partnerId, fields.toString('utf8'));
}

/** The `privileges` string of KalturaSession: `name:value` pairs joined by commas. */
export function formatKsPrivileges(privileges: Readonly<Record<string, string>>): string {
  return Object.entries(privileges).map(([name, value]) => `${name}:${value}`).join(',');
}

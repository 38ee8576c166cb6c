/**
 * Lab leftovers that must not reach production (docs/operations.md "Production safety"): the
 * in-process sims, the demo secrets from the seed catalogue, and a missing admin token (each replica
 * would generate its own, and nobody could use the admin API). Each finding names the key and the
 * environment variable that fixes it.
 */
import type { UnderstudyConfig } from './config-types';
import { labDefaults } from './lab-defaults';
import { isMediaEnabled, labStorageCredentials, labTokenSecret } from './media-config';

interface DemoSecrets {
  readonly vendor: { readonly partnerSecret: string };
  readonly platform: { readonly clientSecret: string };
}

/** Everything in `config` that only makes sense in the lab. */
export function findLabLeftovers(config: UnderstudyConfig): string[] {
  const demo = labDefaults(config.lab.catalogDir) as unknown as DemoSecrets;
  const findings: string[] = [];
  if (config.vendor.url === undefined) findings.push('/vendor/url is not set: the lab vendor-sim would answer devices (set UNDERSTUDY_VENDOR_URL)');
  if (config.platform.url === undefined) findings.push('/platform/url is not set: the lab platform-sim would answer devices (set UNDERSTUDY_PLATFORM_URL)');
  if (config.vendor.partnerSecret === demo.vendor.partnerSecret) findings.push('/vendor/partnerSecret is the lab demo secret (set UNDERSTUDY_PARTNER_SECRET)');
  if (config.platform.clientSecret === demo.platform.clientSecret) findings.push('/platform/clientSecret is the lab demo secret (set UNDERSTUDY_PLATFORM_CLIENT_SECRET)');
  if (config.admin.token === undefined) findings.push('/admin/token is not set: every replica would generate its own (set UNDERSTUDY_ADMIN_TOKEN)');
  if (isMediaEnabled(config)) findings.push(...findMediaLeftovers(config));
  return findings;
}

/** Demo secrets kept while a real upstream is configured (worth a warning in any environment). */
export function findDemoSecretsWithRealUpstreams(config: UnderstudyConfig): string[] {
  const demo = labDefaults(config.lab.catalogDir) as unknown as DemoSecrets;
  const findings: string[] = [];
  if (config.vendor.url !== undefined && config.vendor.partnerSecret === demo.vendor.partnerSecret) findings.push(`/vendor/partnerSecret is the lab demo secret while /vendor/url is ${config.vendor.url} (set UNDERSTUDY_PARTNER_SECRET)`);
  if (config.platform.url !== undefined && config.platform.clientSecret === demo.platform.clientSecret) findings.push(`/platform/clientSecret is the lab demo secret while /platform/url is ${config.platform.url} (set UNDERSTUDY_PLATFORM_CLIENT_SECRET)`);
  return findings;
}

/** Media lab leftovers (docs/media.md "Production"): the lab bucket, its key pair, the lab token secret, the lab CDN. */
function findMediaLeftovers(config: UnderstudyConfig): string[] {
  const media = config.media ?? {};
  const findings: string[] = [];
  if (media.storage?.endpoint === undefined) findings.push('/media/storage/endpoint is not set: the lab object store would hold the media (set UNDERSTUDY_MEDIA_S3_ENDPOINT)');
  if ((media.storage?.secretAccessKey ?? labStorageCredentials.secretAccessKey) === labStorageCredentials.secretAccessKey) findings.push('/media/storage/secretAccessKey is the lab key (set UNDERSTUDY_MEDIA_S3_SECRET_ACCESS_KEY)');
  if ((media.cdn?.tokenSecret ?? labTokenSecret) === labTokenSecret) findings.push('/media/cdn/tokenSecret is the lab secret (set UNDERSTUDY_MEDIA_TOKEN_SECRET)');
  if (media.cdn?.baseUrl === undefined) findings.push('/media/cdn/baseUrl is not set: the lab CDN would serve devices (set UNDERSTUDY_MEDIA_CDN_URL)');
  return findings;
}

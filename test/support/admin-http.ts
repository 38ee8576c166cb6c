/** Helpers for the admin port: authorised requests and `/metrics` scrapes. */
import { findSamples, parseExposition, type Sample } from '../unit/metrics/parse-exposition';

/** The admin token the operator tests configure. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface AdminAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
   
  readonly json: any;
}

/** Sends one admin request with the bearer token (a string body is sent as is, anything else as JSON). */
export async function adminRequest(adminUrl: string, method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; token?: string } = {}): Promise<AdminAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? TEST_ADMIN_TOKEN}`, 'x-understudy-actor': 'jest', ...init.headers };
  if (init.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const response = await fetch(`${adminUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Scrapes `/metrics` on the admin port. */
export async function scrapeMetrics(adminUrl: string, token = TEST_ADMIN_TOKEN): Promise<Sample[]> {
  const answer = await adminRequest(adminUrl, 'GET', '/metrics', { token });
  if (answer.status !== 200) throw new Error(`/metrics answered ${answer.status}`);
  return parseExposition(answer.text);
}

/** The sum of every sample of `name` whose labels include `labels` (0 when there is none). */
export function sumSamples(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return findSamples(samples, name, labels).reduce((sum, s) => sum + s.value, 0);
}

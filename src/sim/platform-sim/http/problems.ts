/**
 * The platform's problem catalogue (RFC 9457 `application/problem+json`): one stable snake_case
 * `code` per expected failure, with its HTTP status and title. Handlers return problems as data.
 */
export const problemCatalog = {
  validation_failed: { status: 400, title: 'Request validation failed' },
  invalid_json: { status: 400, title: 'Request body is not valid JSON' },
  invalid_token: { status: 401, title: 'Missing, malformed or expired credentials' },
  invalid_credentials: { status: 401, title: 'Wrong username or password' },
  invalid_client: { status: 401, title: 'Client credentials missing or wrong' },
  forbidden: { status: 403, title: 'Not allowed for this caller' },
  user_suspended: { status: 403, title: 'User is suspended' },
  household_suspended: { status: 403, title: 'Household is suspended' },
  not_found: { status: 404, title: 'Resource not found' },
  no_episode: { status: 404, title: 'No episode to play next' },
  unknown_user: { status: 404, title: 'User does not exist' },
  product_not_found: { status: 404, title: 'Product not found' },
  device_not_found: { status: 404, title: 'Device not found' },
  device_not_in_household: { status: 404, title: 'Device belongs to another household' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  device_exists: { status: 409, title: 'Device already in this household' },
  device_in_other_household: { status: 409, title: 'Device registered to another household' },
  device_limit_exceeded: { status: 409, title: 'Household device limit reached' },
  concurrency_limit: { status: 409, title: 'Household concurrency limit reached' },
  already_entitled: { status: 409, title: 'Household already holds this entitlement' },
  username_taken: { status: 409, title: 'Username already taken' },
  not_renewable: { status: 409, title: 'The entitlement does not renew' },
  cursor_expired: { status: 410, title: 'Change cursor is older than the retained feed' },
  code_expired: { status: 410, title: 'Pairing or login code expired' },
  device_not_paired: { status: 409, title: 'No household has claimed this pairing code' },
  rule_not_enabled: { status: 409, title: 'The parental rule is not switched on at this scope' },
  list_limit_exceeded: { status: 409, title: 'Too many personal lists or reminders' },
  invalid_reminder_target: { status: 422, title: 'Reminders are for programmes and known EPG channels' },
  invalid_recording_target: { status: 422, title: 'Only programmes can be recorded' },
  not_recordable: { status: 422, title: 'The programme\'s channel does not record' },
  catch_up_not_enabled: { status: 422, title: 'The programme has ended and its channel has no catch-up' },
  catch_up_window_passed: { status: 422, title: 'The programme ended before the channel\'s catch-up buffer' },
  quota_exceeded: { status: 409, title: 'The household\'s recording quota is used up' },
  recorded_by_series: { status: 409, title: 'The programme is recorded as part of a series recording' },
  series_already_recorded: { status: 409, title: 'The household already records this series on this channel' },
  recording_limit_exceeded: { status: 409, title: 'Too many series recordings' },
  invalid_recording_status: { status: 409, title: 'Not allowed in the recording\'s current status' },
  protection_quota_exceeded: { status: 409, title: 'Protected recordings would exceed their share of the quota' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  price_mismatch: { status: 422, title: 'Price does not match the catalogue price' },
  content_not_in_product: { status: 422, title: 'Product does not unlock this file' },
  internal_error: { status: 500, title: 'Internal error' },
} as const;

export type ProblemCode = keyof typeof problemCatalog;

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
}

/** Builds the problem body for a code. */
export function makeProblem(code: ProblemCode, detail: string): Problem {
  const entry = problemCatalog[code];
  return { type: `https://platform.lab.understudy.test/problems/${code}`, title: entry.title, status: entry.status, code, detail };
}

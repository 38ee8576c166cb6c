/**
 * A policy file checked offline, exactly as the running facade would check it (schema, semantic
 * checks, operation names against the contract), for `understudy policy validate` and for `serve`
 * before it starts (docs/operations.md "Errors": every error listed, exit code 2).
 */
import { readFileSync } from 'node:fs';
import { listOperations } from '../contract/operation-index';
import { err, ok, type Result } from '../core/result';
import { compilePolicy } from '../policy/compile-policy';
import { checkOperationNames } from '../policy/operation-names';
import { parsePolicyText } from '../policy/policy-file';

/** The summary of a valid policy file, or every problem it has. */
export function checkPolicyFile(file: string): Result<{ readonly rules: number; readonly defaultTarget: string }, string[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return err([`cannot read policy file ${file}: ${(e as Error).message}`]);
  }
  const parsed = parsePolicyText(file, text);
  if (!parsed.ok) return parsed;
  const compiled = compilePolicy(parsed.value, 1);
  const names = checkOperationNames(parsed.value, listOperations().map((op) => op.operationId.toLowerCase()));
  if (!compiled.ok || names.length > 0) return err([...(compiled.ok ? [] : compiled.error), ...names]);
  return ok({ rules: compiled.value.document.rules.length, defaultTarget: compiled.value.document.defaultTarget });
}

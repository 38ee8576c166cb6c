import type { VendorError } from '../../core/vendor-error';
import type { KsqlError } from './ksql-ast';

/**
 * Maps a KSQL failure to the vendor error devices see. Malformed text → 4004 SyntaxError (brief §6);
 * text over 2048 characters → 500045 ArgumentMaxLengthCrossed on `filter.kSql` [U, chosen: the
 * limit is a declared maximum length of the argument, so the generic length error applies;
 * docs/vendor-decisions.md "KSQL"].
 */
export function ksqlErrorToVendorError(error: KsqlError, argument = 'filter.kSql'): VendorError {
  if (error.kind === 'too-long') {
    const value = String(error.maxLength);
    return {
      code: '500045',
      message: `Argument [${argument}] maximum length is [${value}]`,
      args: [
        { name: 'argument', value: argument },
        { name: 'value', value },
      ],
    };
  }
  return { code: '4004', message: 'Syntax error' };
}

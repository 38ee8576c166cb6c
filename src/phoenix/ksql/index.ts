/** KSQL (brief §5.2): parse into a typed tree, evaluate per docs/lab-rules.md "Search". */
export { ksqlOperators, type KsqlCompare, type KsqlError, type KsqlGroup, type KsqlNode, type KsqlOperator } from './ksql-ast';
export { tokenizeKsql, type KsqlToken } from './ksql-tokenizer';
export { ksqlMaxLength, parseKsql } from './ksql-parser';
export { evaluateKsql, type KsqlFieldValues } from './ksql-evaluate';
export { ksqlErrorToVendorError } from './ksql-vendor-error';

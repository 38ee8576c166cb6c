import { listContractOperations } from '../../../src/contract/contract-operations';
import { contractExists, loadContract } from '../../../src/contract/load-contract';
import { validatePlatformResponse } from '../../../src/contract/response-validator';

// The platform contract is written separately; these checks hold whether or not it exists yet.
describe('validatePlatformResponse', () => {
  if (!contractExists('platform')) {
    it('reports a missing platform contract instead of throwing', () => {
      expect(validatePlatformResponse('anything', 200, {})).toEqual(['platform contract contracts/platform/openapi.yaml does not exist']);
    });
    return;
  }

  it('reports unknown operations and undeclared statuses', () => {
    expect(validatePlatformResponse('no-such-operation', 200, {})).toEqual(['unknown platform operation "no-such-operation"']);
    const first = listContractOperations(loadContract('platform'))[0];
    if (first) expect(validatePlatformResponse(first.operationId, 599, {})).toEqual([`status 599 is not declared for "${first.operationId}"`]);
  });

  it('compiles a validator for every declared response of every operation', () => {
    for (const op of listContractOperations(loadContract('platform'))) {
      for (const status of Object.keys(op.operation.responses ?? {})) {
        if (!/^[0-9]{3}$/.test(status)) continue;
        expect(Array.isArray(validatePlatformResponse(op.operationId, Number(status), Symbol('not json')))).toBe(true);
      }
    }
  });
});

import { listContractOperations, type ContractOperation } from './contract-operations';
import { contractExists, loadContract } from './load-contract';

let byOperationId: ReadonlyMap<string, ContractOperation> | undefined;

/**
 * Finds a platform operation by operationId (exact case). Returns undefined while
 * contracts/platform/openapi.yaml does not exist; the index is built once it does.
 */
export function findPlatformOperation(operationId: string): ContractOperation | undefined {
  if (!byOperationId) {
    if (!contractExists('platform')) return undefined;
    byOperationId = new Map(listContractOperations(loadContract('platform')).map((op) => [op.operationId, op]));
  }
  return byOperationId.get(operationId);
}

/** Every platform operation, or none while the platform contract does not exist. */
export function listPlatformOperations(): readonly ContractOperation[] {
  if (!contractExists('platform')) return [];
  findPlatformOperation('');
  return [...byOperationId!.values()];
}

import { listOperations } from '../../../src/contract/operation-index';
import { vendorSimOperations } from '../../../src/sim/vendor-sim/operation-table';
import { vendorTranslators } from '../../../src/translate/vendor-translators';

/** Operations the facade deliberately does not translate (none yet: every one is served by the platform). */
const explicitPassthrough = new Set<string>();

describe('every vendor contract operation is translated', () => {
  const operations = listOperations().filter((op) => op.operationId !== 'multirequest');

  it.each(operations.map((op) => [op.operationId.toLowerCase()]))('%s has a translator or an explicit passthrough decision', (operationId) => {
    expect(operationId in vendorTranslators || explicitPassthrough.has(operationId)).toBe(true);
  });

  it('has no translator for an operation outside the contract', () => {
    const contract = new Set(operations.map((op) => op.operationId.toLowerCase()));
    expect(Object.keys(vendorTranslators).filter((id) => !contract.has(id))).toEqual([]);
  });

  it('asks for the same access level as the vendor (vendor-sim)', () => {
    const differing = Object.entries(vendorTranslators)
      .filter(([id, spec]) => vendorSimOperations[id] !== undefined && vendorSimOperations[id]?.access !== spec.access)
      .map(([id]) => id);
    expect(differing).toEqual([]);
  });
});

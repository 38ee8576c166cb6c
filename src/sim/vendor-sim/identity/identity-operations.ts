import type { SimOperationTable } from '../sim-operation';
import { deviceOperations } from './device-operations';
import { householdOperations } from './household-operations';
import { ottUserOperations } from './ottuser-operations';
import { sessionOperations } from './session-operations';

/** vendor-sim's identity area: ottuser, session, household, householddevice (brief §4.2, §5.1). */
export const identityOperations: SimOperationTable = {
  ...ottUserOperations,
  ...sessionOperations,
  ...householdOperations,
  ...deviceOperations,
};

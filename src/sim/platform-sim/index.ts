export { startPlatformSim, type PlatformSim, type PlatformSimOptions } from './platform-sim-server';
export type { PlatformSimState } from './platform-state';
export { platformRoutes } from './platform-routes';

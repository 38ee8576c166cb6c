import { matchAppConfiguration } from '../../catalog/match-app-configuration';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import type { PlatformRequest } from '../platform-request';

/** `deviceConfig.matchConfiguration`: read-only catalogue data, any caller (docs/lab-rules.md "Device configuration"). */
function matchConfiguration(req: PlatformRequest): Reply {
  const appName = req.query.get('appName');
  const clientVersion = req.query.get('clientVersion');
  const platform = req.query.get('platform');
  if (appName === null || clientVersion === null || platform === null) return problem('validation_failed', 'appName, clientVersion and platform are required');
  const { catalog } = req.state;
  const query = { appName, clientVersion, platform, tag: req.query.get('tag') ?? '' };
  const found = matchAppConfiguration(query, catalog.configurationGroups, catalog.appConfigurations);
  if (found === undefined) return problem('not_found', 'no configuration for this app, version and platform');
  return ok({
    id: found.id,
    groupId: found.groupId,
    appName: found.appName,
    clientVersion: found.clientVersion,
    platform: found.platform,
    forceUpdate: found.isForceUpdate,
    content: found.content,
  });
}

export const deviceConfigRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/device-config/v1/configurations/match', operationId: 'deviceConfig.matchConfiguration', auth: 'bearer', handle: matchConfiguration },
];

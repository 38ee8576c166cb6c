import { Registry } from 'prom-client';
import { readPackageVersion, registerBuildInfo } from '../../../src/metrics/build-info-metrics';
import { findSamples, parseExposition } from './parse-exposition';

describe('understudy_build_info', () => {
  it('is one series, value 1, labelled with the site, the package version and the Node.js version', async () => {
    const registry = new Registry();
    registerBuildInfo(registry, { site: 'site-a', version: '1.2.3' });
    const samples = findSamples(parseExposition(await registry.metrics()), 'understudy_build_info');
    expect(samples).toEqual([{ name: 'understudy_build_info', labels: { site: 'site-a', version: '1.2.3', node: process.version }, value: 1 }]);
  });

  it('reads the version from package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../../package.json') as { version: string };
    expect(readPackageVersion()).toBe(pkg.version);
  });
});

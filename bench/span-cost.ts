/**
 * Tracing's own CPU per request, in one process, without the rest of the facade around it: the
 * span shape of a translated asset.get (request, route, call, platform client; names and
 * attributes as the facade gives them) at sampling 0, 10 % and 100 %, exported over OTLP/HTTP to
 * a receiver in this process, against the same async steps with no tracing. Samples alternate.
 * Separates what tracing's code costs from the machine's noise in bench/tracing-bench.ts.
 * Usage: npm run build && node dist/bench/span-cost.js [--requests 20000] [--rounds 5]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTracing, type Tracing } from '../src/metrics/otel-tracing';
import { numberArg } from './lib/bench-args';

const requests = numberArg('requests', 20_000);
const rounds = numberArg('rounds', 5);

async function step(): Promise<void> {
  await Promise.resolve();
}

async function untracedRequest(): Promise<void> {
  await step();
  await step();
}

async function tracedRequest(tracing: Tracing): Promise<void> {
  const request = tracing.startRequest(() => ['vendor-api POST', { 'http.request.method': 'POST' }]);
  await tracing.runIn(request, async () => {
    const recording = tracing.isRecording();
    if (recording) tracing.inSyncSpan('understudy.route', {}, (notes) => notes.annotate({ 'understudy.route': 'execute', 'understudy.calls': 1, 'understudy.platform_calls': 1, 'understudy.shadow': false }));
    const call = async (): Promise<void> => {
      await step();
      const client = tracing.startChild('client', () => ['platform POST', { 'understudy.upstream': 'platform', 'http.request.method': 'POST', 'url.path': '/v1/catalog/items/get', 'server.address': 'http://127.0.0.1:1' }]);
      client?.traceHeaders();
      client?.annotate({ 'http.response.status_code': 200 });
      client?.end();
    };
    const attributes = { 'understudy.operation': 'asset.get', 'understudy.target': 'platform', 'understudy.reason': 'rule', 'understudy.shadow': false, 'understudy.policy_version': 3 };
    await (recording ? tracing.inSpan('translate asset.get', attributes, async (notes) => { await call(); notes.annotate({ 'understudy.answered_by': 'platform', 'understudy.outcome': 'ok' }); }) : call());
    tracing.annotateRequest({ 'understudy.operation': 'asset.get' });
  });
  if (request.recording) request.annotate({ 'http.response.status_code': 200 });
  request.end();
}

async function microsPerRequest(run: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < requests; i++) await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / requests;
}

async function main(): Promise<void> {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
  const ratios = [0, 0.1, 1];
  const tracings = ratios.map((sampleRatio) => createTracing({ endpoint, sampleRatio, serviceName: 'span-cost', batchDelayMs: 5000, queueSpans: 2048, exportTimeoutMs: 5000 }));
  const targets: [string, () => Promise<void>][] = [['no tracing', untracedRequest], ...ratios.map((ratio, i): [string, () => Promise<void>] => [`${ratio * 100} %`, () => tracedRequest(tracings[i]!)])];
  const samples = targets.map((): number[] => []);
  for (const [, run] of targets) await microsPerRequest(run);
  for (let round = 0; round < rounds; round++) for (const [index, [, run]] of targets.entries()) samples[index]!.push(await microsPerRequest(run));
  await Promise.all(tracings.map((t) => t.close()));
  receiver.close();
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const base = median(samples[0]!);
  console.log(`Node ${process.version}: CPU µs per request, median of ${rounds} samples of ${requests} requests (4 spans when sampled)\n`);
  console.log('| target | µs/req | tracing\'s own µs/req |\n|---|---|---|');
  for (const [index, [name]] of targets.entries()) console.log(`| ${name} | ${median(samples[index]!).toFixed(2)} | ${(median(samples[index]!) - base).toFixed(2)} |`);
}

void main();

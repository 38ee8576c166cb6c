/**
 * The baseline: a bare Node `http` reverse proxy with a keep-alive agent, piping bytes both ways.
 * Usage: node dist/bench/targets/bare-node-proxy.js <listenPort> <upstreamUrl>
 */
import { Agent, createServer, request } from 'node:http';

const [portText, upstreamText] = process.argv.slice(2);
const upstream = new URL(upstreamText ?? 'http://127.0.0.1:4100');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  const forward = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 30_000;
server.listen(Number(portText ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : ''}\n`);
});
// A clean exit on SIGTERM, so a profile asked for with --cpu-prof is written (bench/hot-path-profile.ts).
process.on('SIGTERM', () => process.exit(0));

/**
 * An OTLP/HTTP receiver for the tracing benches, in a process of its own so that its CPU never
 * lands inside a measured facade's slices in the bench process (bench/README.md "Tracing"). It
 * reads and discards (a collector's front door), counting exports and bytes; `GET /stats` answers
 * `{"exports":N,"bytes":N}`.
 * Usage: node dist/bench/targets/otlp-sink.js <listenPort>
 */
import { createServer } from 'node:http';

let posts = 0;
let bytes = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ exports: posts, bytes }));
    return;
  }
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    if (req.method === 'POST') posts++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
// Like a collector's idle timeout (a minute), longer than a pause between a facade's exports.
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
// A clean exit on SIGTERM.
process.on('SIGTERM', () => server.close(() => process.exit(0)));

/**
 * The floor: a Node `http` server that answers every request with the same 3 KB JSON envelope
 * (the size of an asset.get answer), doing no other work.
 * Usage: node dist/bench/targets/static-json-server.js <listenPort>
 */
import { createServer } from 'node:http';

const body = JSON.stringify({ executionTime: 0, result: { objectType: 'KalturaMediaAsset', id: 480001, description: 'x'.repeat(3000) } });
const length = Buffer.byteLength(body);

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': length });
    res.end(body);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');

// Preload for cluster tests: every response names the process that served it, so a test can tell the
// API's worker processes apart from outside. Plain JavaScript: it runs in front of the built API too.
import http from 'node:http';

const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (...args) {
  if (!this.headersSent) this.setHeader('x-test-worker-pid', String(process.pid));
  return writeHead.apply(this, args);
};

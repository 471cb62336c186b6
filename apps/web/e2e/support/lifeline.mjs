// Preloaded (--import) into each app server the tests start; see app-server.ts. File descriptor 3 is a
// pipe from the test process. However that process ends (its last hook, Ctrl-C, a crash, SIGKILL), the
// kernel closes its end: the app then stops as on SIGTERM, closing its pool and stopping its PostgreSQL.
import net from 'node:net';

let ended = false;
const end = () => {
  if (ended) return;
  ended = true;
  process.kill(process.pid, 'SIGTERM');
};

const pipe = new net.Socket({ fd: 3, readable: true, writable: false });
pipe.on('error', () => undefined);
pipe.on('close', end);
pipe.resume();
// The pipe alone must not keep an app alive that is otherwise done.
pipe.unref();

// The pipe closes only once every process holding its other end has gone: should a process started
// beside the test (a browser) have inherited it, the pipe would outlive the test process. The test
// process going away is the same signal, seen as this process being handed to another parent.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) end();
}, 1000).unref();

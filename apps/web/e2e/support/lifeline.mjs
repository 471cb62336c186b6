// Preloaded (--import) into each app server the tests start; see app-server.ts. File descriptor 3 is a
// pipe from the test process. However that process ends (its last hook, Ctrl-C, a crash, SIGKILL), the
// kernel closes its end: the app then stops as on SIGTERM, closing its pool and stopping its PostgreSQL.
import net from 'node:net';

const pipe = new net.Socket({ fd: 3, readable: true, writable: false });
pipe.on('error', () => undefined);
pipe.on('close', () => process.kill(process.pid, 'SIGTERM'));
pipe.resume();
// The pipe alone must not keep an app alive that is otherwise done.
pipe.unref();

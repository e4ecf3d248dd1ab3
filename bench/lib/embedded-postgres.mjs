// An in-memory PGlite served on a loopback port, in its own process like a database server:
// what the benchmark measures against when DATABASE_URL is not set.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const db = await PGlite.create();
// Two app pools of 10, the registry listener and the benchmark's own connection share it.
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 40 });
await server.start();
process.stdout.write(`postgres://postgres@${server.getServerConn()}/postgres\n`);
process.on('SIGTERM', () => {
  void server
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});

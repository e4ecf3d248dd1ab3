export { closeGracefullyOnSignals, shutDownGracefully, type GracefulShutdownOptions } from './lib/graceful-shutdown';
export { drainHttpServer, type DrainOutcome } from './lib/http-drain';

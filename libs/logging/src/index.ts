export { LoggingModule, useStructuredLogging } from './lib/logging.module';
export type { LoggingOptions } from './lib/root-logger';
export { REQUEST_ID_HEADER, REQUEST_ID_ADAPTER_OPTIONS, requestIdFor } from './lib/request-id';
export { currentRequest, requestIdHeaders } from './lib/request-context';

import { Global, Module } from '@nestjs/common';
import { AuditEventWriter } from './audit-event.writer';
import { AuditLog } from './audit-log';

/** Global: every feature records its events through the one AuditLog. */
@Global()
@Module({ providers: [AuditLog, AuditEventWriter], exports: [AuditLog] })
export class AuditModule {}

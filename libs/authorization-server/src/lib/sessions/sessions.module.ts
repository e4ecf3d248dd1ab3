import { Module } from '@nestjs/common';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SqlSessionRepository } from './sql-session.repository';

@Module({
  providers: [{ provide: SessionRepository, useClass: SqlSessionRepository }, SessionService],
  exports: [SessionService],
})
export class SessionsModule {}

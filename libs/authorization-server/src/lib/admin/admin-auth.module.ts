import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { AdminTokenVerifier } from './admin-token.verifier';
import { ServerAdminGuard } from './server-admin.guard';

/** Import this module and put `@UseGuards(ServerAdminGuard)` on an operator endpoint. */
@Module({
  imports: [KeysModule],
  providers: [AdminTokenVerifier, ServerAdminGuard],
  exports: [AdminTokenVerifier, ServerAdminGuard],
})
export class AdminAuthModule {}

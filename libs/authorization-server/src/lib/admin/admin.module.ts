import { Module } from '@nestjs/common';
import { DenyListModule } from '../deny-list/deny-list.module';
import { KeysModule } from '../keys/keys.module';
import { AdminAuthModule } from './admin-auth.module';
import { DenyListAdminController } from './deny-list-admin.controller';
import { KeyAdminController } from './key-admin.controller';

/** Operator endpoints of the key and token lifecycle, all behind ServerAdminGuard. */
@Module({
  imports: [AdminAuthModule, KeysModule, DenyListModule],
  controllers: [KeyAdminController, DenyListAdminController],
})
export class AdminModule {}

import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../../client-auth/client-auth.module';
import { AdminAuthModule } from '../admin-auth.module';
import { ClientRegistryService } from './client-registry.service';
import { ClientsAdminController } from './clients-admin.controller';

@Module({
  imports: [AdminAuthModule, ClientAuthModule],
  controllers: [ClientsAdminController],
  providers: [ClientRegistryService],
})
export class ClientsAdminModule {}

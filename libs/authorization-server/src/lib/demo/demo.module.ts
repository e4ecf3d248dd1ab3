import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { UsersModule } from '../users/users.module';
import { DemoClientSeeder } from './demo-client.seeder';

@Module({ imports: [ClientsModule, ClientAuthModule, UsersModule], providers: [DemoClientSeeder] })
export class DemoModule {}

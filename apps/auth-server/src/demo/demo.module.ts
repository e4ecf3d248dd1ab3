import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { DemoClientSeeder } from './demo-client.seeder';

@Module({ imports: [ClientsModule, ClientAuthModule], providers: [DemoClientSeeder] })
export class DemoModule {}

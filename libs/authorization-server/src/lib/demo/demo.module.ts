import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { UsersModule } from '../users/users.module';
import { DemoClientSeeder } from './demo-client.seeder';

@Module({ imports: [ClientAuthModule, UsersModule], providers: [DemoClientSeeder] })
export class DemoModule {}

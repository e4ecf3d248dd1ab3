import { Module } from '@nestjs/common';
import { ClientRepository } from './client.repository';
import { DeclaredClientsSeeder } from './declared-clients.seeder';
import { TypeOrmClientRepository } from './typeorm-client.repository';

@Module({
  providers: [{ provide: ClientRepository, useClass: TypeOrmClientRepository }, DeclaredClientsSeeder],
  exports: [ClientRepository],
})
export class ClientsModule {}

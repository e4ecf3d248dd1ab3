import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { DiscoveryController } from './discovery.controller';

@Module({ imports: [ClientsModule], controllers: [DiscoveryController] })
export class DiscoveryModule {}

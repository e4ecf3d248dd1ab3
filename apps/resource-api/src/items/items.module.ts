import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ItemRepository } from './item.repository';
import { ItemsController } from './items.controller';
import { TypeOrmItemRepository } from './typeorm-item.repository';

@Module({
  imports: [DatabaseModule],
  controllers: [ItemsController],
  providers: [{ provide: ItemRepository, useClass: TypeOrmItemRepository }],
})
export class ItemsModule {}

import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { Item } from './item.entity';
import { ItemRepository, type ItemFields } from './item.repository';

@Injectable()
export class TypeOrmItemRepository extends ItemRepository {
  private readonly items: Repository<Item>;

  constructor(dataSource: DataSource) {
    super();
    this.items = dataSource.getRepository(Item);
  }

  list(): Promise<Item[]> {
    return this.items.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<Item | null> {
    return this.items.findOneBy({ id });
  }

  create(fields: ItemFields, actor: string): Promise<Item> {
    return this.items.save(
      this.items.create({
        name: fields.name,
        description: fields.description ?? null,
        createdBy: actor,
        updatedBy: actor,
      }),
    );
  }

  async replace(id: string, fields: ItemFields, actor: string): Promise<boolean> {
    const result = await this.items.update(
      { id },
      {
        name: fields.name,
        description: fields.description ?? null,
        updatedBy: actor,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.items.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

import type { Item } from './item.entity';

/** What a client may set on an item. */
export interface ItemFields {
  name: string;
  description?: string;
}

/** Persistence of items, as narrow as the controller needs. `actor` is the token's `sub`. */
export abstract class ItemRepository {
  abstract list(): Promise<Item[]>;
  abstract findById(id: string): Promise<Item | null>;
  abstract create(fields: ItemFields, actor: string): Promise<Item>;
  /** Replaces the item's fields; false when there is no such item. */
  abstract replace(id: string, fields: ItemFields, actor: string): Promise<boolean>;
  /** False when there is no such item. */
  abstract delete(id: string): Promise<boolean>;
}

import type { Item } from './item.entity';

/** An item as the API shows it. */
export interface ItemResponse {
  id: string;
  name: string;
  description: string | null;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export function toItemResponse(item: Item): ItemResponse {
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    createdBy: item.createdBy,
    updatedBy: item.updatedBy,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

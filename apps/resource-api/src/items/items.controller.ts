import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal, RequireScopes, type AccessTokenPrincipal } from '@oauth/resource-server';
import { parseItemBody } from './item-body.schema';
import { ItemIdPipe } from './item-id.pipe';
import { itemNotFound } from './item-not-found.error';
import { ItemRepository } from './item.repository';
import { toItemResponse, type ItemResponse } from './item.response';
import {
  CreateItemOpenApi,
  DeleteItemOpenApi,
  ListItemsOpenApi,
  ReadItemOpenApi,
  ReplaceItemOpenApi,
} from './items.openapi';

const WRITE_SCOPE = 'other.write';

/** Reading is open to anyone; every change needs a token with `other.write`. */
@Controller('items')
@ApiTags('items')
export class ItemsController {
  constructor(private readonly items: ItemRepository) {}

  @Get()
  @ListItemsOpenApi()
  async list(): Promise<ItemResponse[]> {
    return (await this.items.list()).map(toItemResponse);
  }

  @Get(':id')
  @ReadItemOpenApi()
  async get(@Param('id', ItemIdPipe) id: string): Promise<ItemResponse> {
    const item = await this.items.findById(id);
    if (!item) throw itemNotFound();
    return toItemResponse(item);
  }

  @Post()
  @CreateItemOpenApi(WRITE_SCOPE)
  @RequireScopes(WRITE_SCOPE)
  async create(@Body() body: unknown, @Principal() principal: AccessTokenPrincipal): Promise<ItemResponse> {
    return toItemResponse(await this.items.create(parseItemBody(body), principal.subject));
  }

  @Put(':id')
  @ReplaceItemOpenApi(WRITE_SCOPE)
  @HttpCode(204)
  @RequireScopes(WRITE_SCOPE)
  async replace(
    @Param('id', ItemIdPipe) id: string,
    @Body() body: unknown,
    @Principal() principal: AccessTokenPrincipal,
  ): Promise<void> {
    const fields = parseItemBody(body);
    if (!(await this.items.replace(id, fields, principal.subject))) throw itemNotFound();
  }

  @Delete(':id')
  @DeleteItemOpenApi(WRITE_SCOPE)
  @HttpCode(204)
  @RequireScopes(WRITE_SCOPE)
  async delete(@Param('id', ItemIdPipe) id: string): Promise<void> {
    if (!(await this.items.delete(id))) throw itemNotFound();
  }
}

import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiBearerToken, ApiOAuthErrorResponse, ApiRetryLaterResponse } from '@oauth/api-docs';

/** The challenges' realm in the examples: the default RESOURCE_AUDIENCE. */
export const DOCUMENTED_REALM = 'other';

/** An item as toItemResponse writes it. */
const ITEM: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'description', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    description: { type: 'string', nullable: true },
    createdBy: { type: 'string', description: 'The `sub` of the token that created it.' },
    updatedBy: { type: 'string', description: 'The `sub` of the token that last changed it.' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

/** The body of parseItemBody: strict, an unknown field is refused. */
const ITEM_BODY: SchemaObject = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 2000 },
  },
};

const ITEM_ID = ApiParam({ name: 'id', description: 'A UUID; anything else names no item (404).' });
const NOT_FOUND = ApiOAuthErrorResponse({ status: 404, description: 'No item has this id.', errors: ['not_found'] });

/** A change: bearer token with the write scope, and the answers every change may get. */
function ItemChange(scope: string, badBody: boolean): MethodDecorator {
  return applyDecorators(
    ApiBearerToken({ realm: DOCUMENTED_REALM, scope }),
    // After ApiBearerToken, so that it replaces its 400: a bad body and a bad token both answer invalid_request.
    ...(badBody
      ? [
          ApiOAuthErrorResponse({
            status: 400,
            description:
              'A body that is not the item (the first problem is named), or RFC 6750 §3.1 invalid_request ' +
              '(with a Bearer challenge).',
            errors: ['invalid_request'],
          }),
        ]
      : []),
    // ADR 0006: without a fresh deny-list a revoked token could change data.
    ApiRetryLaterResponse(
      'The deny-list of the authorization server is out of date (temporarily_unavailable), or the database ' +
        'cannot be reached (server_error).',
      ['temporarily_unavailable', 'server_error'],
    ),
  );
}

export function ListItemsOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Lists the items; no token needed' }),
    ApiOkResponse({ description: 'Every item.', schema: { type: 'array', items: ITEM } }),
  );
}

export function ReadItemOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Reads an item; no token needed' }),
    ITEM_ID,
    ApiOkResponse({ description: 'The item.', schema: ITEM }),
    NOT_FOUND,
  );
}

export function CreateItemOpenApi(scope: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `Creates an item; needs ${scope}` }),
    ApiBody({ schema: ITEM_BODY }),
    ApiCreatedResponse({ description: 'The new item.', schema: ITEM }),
    ItemChange(scope, true),
  );
}

export function ReplaceItemOpenApi(scope: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `Replaces an item's fields; needs ${scope}` }),
    ITEM_ID,
    ApiBody({ schema: ITEM_BODY }),
    ApiNoContentResponse({ description: 'Replaced.' }),
    NOT_FOUND,
    ItemChange(scope, true),
  );
}

export function DeleteItemOpenApi(scope: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `Deletes an item; needs ${scope}` }),
    ITEM_ID,
    ApiNoContentResponse({ description: 'Deleted.' }),
    NOT_FOUND,
    ItemChange(scope, false),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CLIENT_ASSERTION_ALGORITHMS } from '@oauth/config';
import { ApiOAuthErrorResponse } from '@oauth/api-docs';
import { REGISTRABLE_AUTH_METHODS, REGISTRABLE_GRANT_TYPES } from './client-metadata.schema';

const strings = (description: string): SchemaObject => ({ type: 'array', items: { type: 'string' }, description });

/** RFC 7591 §2 client metadata, as parseClientMetadata takes it; unknown fields are ignored (RFC 7591 §2). */
const CLIENT_METADATA: SchemaObject = {
  type: 'object',
  properties: {
    client_name: { type: 'string', minLength: 1, maxLength: 200 },
    token_endpoint_auth_method: {
      type: 'string',
      enum: [...REGISTRABLE_AUTH_METHODS],
      default: 'client_secret_basic',
    },
    grant_types: {
      type: 'array',
      items: { type: 'string', enum: [...REGISTRABLE_GRANT_TYPES] },
      minItems: 1,
      default: ['client_credentials'],
    },
    scope: { type: 'string', description: 'Space-separated scopes the client may request.', default: '' },
    redirect_uris: { ...strings('Absolute http(s) URIs, compared as exact strings.'), maxItems: 20 },
    jwks: {
      type: 'object',
      description: 'private_key_jwt: the public keys, inline. Exactly one of jwks and jwks_uri.',
      properties: { keys: { type: 'array', items: { type: 'object' } } },
    },
    jwks_uri: { type: 'string', description: 'private_key_jwt: where the public keys are published.' },
    token_endpoint_auth_signing_alg: { type: 'string', enum: [...CLIENT_ASSERTION_ALGORITHMS] },
  },
};

/** RFC 7591 §3.2.1 client information; never the secret or its hash, except in the create and rotate answers. */
const CLIENT_INFORMATION: SchemaObject = {
  type: 'object',
  required: ['client_id', 'client_id_issued_at', 'token_endpoint_auth_method', 'grant_types', 'scope'],
  properties: {
    client_id: { type: 'string' },
    client_id_issued_at: { type: 'integer', description: 'Seconds since the epoch.' },
    ...CLIENT_METADATA.properties,
    redirect_uris: strings('The registered redirect URIs.'),
    updated_at: { type: 'integer', description: 'Seconds since the epoch.' },
  },
};

/** RFC 7591 §3.2.1: with a secret, client_secret_expires_at is required; 0 means it does not expire. */
const SECRET: Record<string, SchemaObject> = {
  client_secret: { type: 'string', description: 'Shown in this answer only: keep it.' },
  client_secret_expires_at: { type: 'integer', enum: [0] },
};

const CLIENT_ID = ApiParam({ name: 'clientId', description: 'The client_id.' });
const NOT_FOUND = ApiOAuthErrorResponse({ status: 404, description: 'No such client.', errors: ['not_found'] });
const INVALID_METADATA = ApiOAuthErrorResponse({
  status: 400,
  description: 'RFC 7591 §3.2.2: the first bad field, named in error_description.',
  errors: ['invalid_client_metadata', 'invalid_request'],
});

/** The OpenAPI description of `POST /clients`. */
export function CreateClientOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Registers a client (RFC 7591 §3.1)',
      description: 'The server makes the client_id and, for the secret methods, the secret.',
    }),
    ApiBody({ schema: CLIENT_METADATA }),
    ApiResponse({
      status: 201,
      description: 'RFC 7591 §3.2.1; client_secret only for client_secret_basic and client_secret_post.',
      schema: { ...CLIENT_INFORMATION, properties: { ...CLIENT_INFORMATION.properties, ...SECRET } },
    }),
    INVALID_METADATA,
  );
}

/** The OpenAPI description of `GET /clients`. */
export function ListClientsOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Lists the registered clients' }),
    ApiResponse({
      status: 200,
      description: 'Every client, declared or registered here.',
      schema: {
        type: 'object',
        required: ['clients'],
        properties: { clients: { type: 'array', items: CLIENT_INFORMATION } },
      },
    }),
  );
}

/** The OpenAPI description of `GET /clients/{clientId}`. */
export function ReadClientOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Reads a client (RFC 7592 §2.1)' }),
    CLIENT_ID,
    ApiResponse({ status: 200, description: 'RFC 7591 §3.2.1, without a secret.', schema: CLIENT_INFORMATION }),
    NOT_FOUND,
  );
}

/** The OpenAPI description of `PUT /clients/{clientId}`. */
export function UpdateClientOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Replaces a client’s metadata (RFC 7592 §2.2)',
      description: 'Omitted fields take their defaults; client_id, when sent, must be the one in the path.',
    }),
    CLIENT_ID,
    ApiBody({
      schema: { ...CLIENT_METADATA, properties: { client_id: { type: 'string' }, ...CLIENT_METADATA.properties } },
    }),
    ApiResponse({ status: 200, description: 'RFC 7591 §3.2.1, without a secret.', schema: CLIENT_INFORMATION }),
    INVALID_METADATA,
    NOT_FOUND,
  );
}

/** The OpenAPI description of `DELETE /clients/{clientId}`. */
export function DeleteClientOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Deletes a client (RFC 7592 §2.3)' }),
    CLIENT_ID,
    ApiNoContentResponse({ description: 'Deleted.' }),
    NOT_FOUND,
  );
}

/** The OpenAPI description of `POST /clients/{clientId}/rotate-secret`. */
export function RotateClientSecretOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Gives a client a new secret (ADR 0009)',
      description: 'The old secret keeps working for CLIENT_SECRET_ROTATION_OVERLAP seconds.',
    }),
    CLIENT_ID,
    ApiResponse({
      status: 200,
      description: 'The new secret, shown this once.',
      schema: {
        type: 'object',
        required: ['client_id', 'client_secret', 'client_secret_expires_at', 'previous_client_secret_expires_at'],
        properties: {
          client_id: { type: 'string' },
          ...SECRET,
          previous_client_secret_expires_at: {
            type: 'integer',
            description: 'Seconds since the epoch: when the replaced secret stops working.',
          },
        },
      },
    }),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'The client authenticates with a private key, not a secret.',
      errors: ['invalid_client_metadata'],
    }),
    NOT_FOUND,
  );
}

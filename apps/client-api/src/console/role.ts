import { Injectable, type PipeTransform } from '@nestjs/common';
import { OAuthError } from '@oauth/oauth-errors';

/** The roles of the series' console: each obtains `server.{role}` and `other.{role}`. */
export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** The audiences a role holds a token for. */
export const ROLE_AUDIENCES = ['server', 'other'] as const;
export type RoleAudience = (typeof ROLE_AUDIENCES)[number];

/** An unknown role is an unknown path: 404 in JSON. */
@Injectable()
export class RolePipe implements PipeTransform<string, Role> {
  transform(value: string): Role {
    if ((ROLES as readonly string[]).includes(value)) return value as Role;
    throw new OAuthError('not_found', 404, 'The role must be admin or user');
  }
}

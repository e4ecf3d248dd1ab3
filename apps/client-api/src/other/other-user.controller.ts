import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OtherUserOpenApi } from './other-user.openapi';
import { ResourceApiClient } from './resource-api.client';

/** The resource API's view of this client, fetched with the client's own token. */
@Controller('other')
export class OtherUserController {
  constructor(private readonly resourceApi: ResourceApiClient) {}

  @Get('user')
  @OtherUserOpenApi()
  async user(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const answer = await this.resourceApi.get('/user');
    void reply.status(answer.status);
    return answer.body;
  }
}

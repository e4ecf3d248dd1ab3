import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessionStore } from '../browser-session/browser-session.store';
import { ResourceApiClient } from '../other/resource-api.client';
import { HomeOpenApi } from './home.openapi';
import { homePage, type HomeView } from './home.page';
import { UserTokenProvider } from './user-token.provider';

/** The demo page: "Sign in", and "Call the resource API" as the signed-in person. */
@Controller()
@ApiTags('browser')
export class HomeController {
  constructor(
    private readonly sessions: BrowserSessionStore,
    private readonly userTokens: UserTokenProvider,
    private readonly resourceApi: ResourceApiClient,
  ) {}

  @Get()
  @HomeOpenApi()
  async home(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('call') call: string | undefined,
  ): Promise<void> {
    const session = this.sessions.find(request);
    const token = session ? await this.userTokens.accessToken(session) : undefined;
    const view: HomeView = { signedIn: token !== undefined };
    if (call === 'resource-api') {
      if (token === undefined) view.notice = 'Sign in first: the resource API is called with your token.';
      else view.resourceAnswer = await this.resourceApi.getWithToken('/user', token);
    }
    await reply
      .header('Cache-Control', 'no-store')
      .header('X-Frame-Options', 'DENY')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
      .type('text/html; charset=utf-8')
      .send(homePage(view));
  }
}

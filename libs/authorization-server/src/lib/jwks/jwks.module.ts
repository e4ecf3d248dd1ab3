import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { JwksController } from './jwks.controller';

@Module({ imports: [KeysModule], controllers: [JwksController] })
export class JwksModule {}

import { Module } from '@nestjs/common';
import { ExpiredRowsPurger } from './expired-rows.purger';

@Module({ providers: [ExpiredRowsPurger], exports: [ExpiredRowsPurger] })
export class PurgeModule {}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { itemNotFound } from './item-not-found.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names no item: 404, and never a uuid cast error from Postgres (a 500). */
@Injectable()
export class ItemIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw itemNotFound();
    return value.toLowerCase();
  }
}

import type { DataSource } from 'typeorm';
import { MetricsRegistry } from '@oauth/metrics';
import type { RecordedAuditEvent } from './audit-event';
import { AuditEventWriter, type AuditWriterTiming } from './audit-event.writer';

const FAST: AuditWriterTiming = { lingerMs: 0, retryDelaysMs: [1] };

const event = (clientId: string): RecordedAuditEvent => ({
  occurredAt: new Date(),
  type: 'token.issued',
  outcome: 'success',
  clientId,
  subject: clientId,
  requestId: null,
  sourceAddress: null,
  details: {},
});

/** A stand-in for the database: each INSERT's client ids, and an answer chosen per statement. */
function fakeDatabase(answer: (clientIds: string[]) => Promise<void> = async () => undefined) {
  const statements: string[][] = [];
  const written: string[] = [];
  const dataSource = {
    query: async (_sql: string, parameters: unknown[]) => {
      // One array per column; the client ids are the fourth.
      const clientIds = [...(parameters[3] as string[])];
      statements.push(clientIds);
      await answer(clientIds);
      written.push(...clientIds);
    },
  } as unknown as DataSource;
  return { dataSource, statements, written };
}

const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const refused = () => Object.assign(new Error('invalid byte sequence'), { code: '22021' });

describe('AuditEventWriter', () => {
  it('writes events recorded together in one INSERT, and those recorded while it runs in the next', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => undefined as void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const database = fakeDatabase((ids) => {
      if (ids[0] !== 'a') return Promise.resolve();
      started();
      return held;
    });
    const writer = new AuditEventWriter(database.dataSource, new MetricsRegistry('test'), FAST);

    writer.enqueue(event('a'));
    writer.enqueue(event('b'));
    await firstStarted;
    ['c', 'd', 'e'].forEach((id) => writer.enqueue(event(id)));
    release();
    await writer.flush();

    expect(database.statements).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(database.written).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the events while the database is unreachable and writes them, in order, once it is back', async () => {
    let failuresLeft = 2;
    const database = fakeDatabase(async () => {
      if (failuresLeft-- > 0) throw unreachable();
    });
    const writer = new AuditEventWriter(database.dataSource, new MetricsRegistry('test'), FAST);

    writer.enqueue(event('a'));
    writer.enqueue(event('b'));
    await writer.flush();

    expect(database.written).toEqual(['a', 'b']);
    expect(database.statements.at(-1)).toEqual(['a', 'b']);
  });

  it('gives up only a row the database refuses for what it contains', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const database = fakeDatabase(async (ids) => {
      if (ids[0] === 'a') await held;
      if (ids.includes('bad')) throw refused();
    });
    const writer = new AuditEventWriter(database.dataSource, new MetricsRegistry('test'), FAST);

    writer.enqueue(event('a'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    ['b', 'bad', 'c'].forEach((id) => writer.enqueue(event(id)));
    release();
    await writer.flush();

    expect(database.written).toEqual(['a', 'b', 'c']);
  });

  it('writes what is pending before the application shuts down', async () => {
    let failuresLeft = 1;
    const database = fakeDatabase(async () => {
      if (failuresLeft-- > 0) throw unreachable();
    });
    const writer = new AuditEventWriter(database.dataSource, new MetricsRegistry('test'), FAST);

    writer.enqueue(event('a'));
    await writer.beforeApplicationShutdown();

    expect(database.written).toEqual(['a']);
  });
});

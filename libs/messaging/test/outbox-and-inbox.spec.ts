import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmployeeEvents, type EmployeeEventData, type EmployeeState } from '@app/contracts';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { createTestDatabase, employeeState, waitFor } from '@app/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CreateMessagingTables1732780800000, EventConsumer, KafkaConnection, MESSAGING_ENTITIES, OutboxPublisher, OutboxRelay } from '../src';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function employee(i: number): EmployeeState {
  return employeeState(`19900101201503${String(1000 + i).slice(-4)}`.slice(0, 18).padEnd(18, '1'), {
    name: `Pegawai ${i}`,
    birthDate: '1990-01-01',
    sex: 'L',
    unitCode: 'BKD',
    unitPath: ['BKD'],
  });
}

describe('transactional outbox and idempotent consumer', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let broker: KafkaBroker;
  let brokerDir: string;
  let kafka: KafkaConnection;
  let relay: OutboxRelay;
  const publisher = new OutboxPublisher('/sulteng/test');

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    dataSource = new DataSource({ type: 'postgres', url: db.url, entities: MESSAGING_ENTITIES, migrations: [CreateMessagingTables1732780800000] });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE projection (nip text PRIMARY KEY, applied int NOT NULL)');
    brokerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-broker-'));
    broker = await startBroker({ port: 0, dataDir: brokerDir, defaultPartitions: 3 });
    kafka = new KafkaConnection({ brokers: [broker.address], clientId: 'messaging-test' });
    relay = new OutboxRelay(dataSource, kafka, { databaseUrl: db.url, log: silent, maxBackoffMs: 500 });
    await relay.start();
  });

  afterAll(async () => {
    await relay.stop(1000);
    await broker.stop();
    await dataSource.destroy();
    await db.drop();
    fs.rmSync(brokerDir, { recursive: true, force: true });
  });

  const publishInOwnTransaction = (i: number) =>
    dataSource.transaction((m) =>
      publisher.publish<EmployeeEventData>(m, EmployeeEvents.registered, {
        key: employee(i).nip,
        data: { employee: employee(i) },
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      }),
    );

  it('publishes a committed event with CloudEvents headers, keyed by the aggregate id', async () => {
    const event = await publishInOwnTransaction(1);
    const reader = new Kafka({ clientId: 'reader', brokers: [broker.address], logLevel: logLevel.NOTHING }).consumer({ groupId: 'reader-1' });
    const seen: { key: string; headers: Record<string, string>; value: unknown }[] = [];
    await reader.connect();
    await reader.subscribe({ topic: 'siap.employee.v1', fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) =>
        void seen.push({
          key: message.key!.toString(),
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          value: JSON.parse(message.value!.toString()),
        }),
    });
    await waitFor(() => seen.length >= 1, 'the event on Kafka', 20_000);
    await reader.disconnect();
    expect(seen[0].key).toBe(employee(1).nip);
    expect(seen[0].headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'siap.employee.registered',
      ce_source: '/sulteng/test',
      ce_subject: employee(1).nip,
      'content-type': 'application/json',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(seen[0].value).toEqual({ employee: employee(1) });
    expect((await relay.status()).pending).toBe(0);
  });

  it('writes nothing when the transaction rolls back, and refuses a payload that breaks its contract', async () => {
    await expect(
      dataSource.transaction(async (m) => {
        await publisher.publish(m, EmployeeEvents.registered, { key: 'x', data: { employee: employee(2) } });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await expect(
      dataSource.transaction((m) => publisher.publish(m, EmployeeEvents.registered, { key: 'x', data: { employee: { ...employee(2), nip: 'bad' } } })),
    ).rejects.toThrow(/employee\/nip/);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox_event')).toEqual([{ n: 0 }]);
  });

  it('keeps events while Kafka is down, delivers all after it returns, and applies each once despite redelivery', async () => {
    const port = broker.port;
    await broker.stop();
    for (let i = 100; i < 200; i++) await publishInOwnTransaction(i);
    await waitFor(async () => !(await relay.status()).kafkaAvailable, 'the relay to notice Kafka is down', 15_000);
    expect((await relay.status()).pending).toBe(100);

    broker = await startBroker({ port, dataDir: brokerDir, defaultPartitions: 3 });
    await waitFor(async () => (await relay.status()).pending === 0, 'the outbox to drain', 30_000);

    const project = async () => {
      const consumer = new EventConsumer(kafka, dataSource, { name: 'projection-test', log: silent }).on(EmployeeEvents.registered, async (event, m) => {
        await m.query('INSERT INTO projection (nip, applied) VALUES ($1, 1) ON CONFLICT (nip) DO UPDATE SET applied = projection.applied + 1', [
          event.data.employee.nip,
        ]);
      });
      await consumer.start();
      return consumer;
    };
    let consumer = await project();
    await waitFor(async () => (await dataSource.query('SELECT count(*)::int AS n FROM projection'))[0].n === 101, '101 projected employees', 30_000);
    await consumer.stop();

    // Redeliver everything: rewind the group to the beginning and consume again.
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: 'projection-test', topic: 'siap.employee.v1', earliest: true });
    await admin.disconnect();
    consumer = await project();
    await waitFor(
      async () => {
        const a = kafka.admin();
        await a.connect();
        const [committed] = await a.fetchOffsets({ groupId: 'projection-test', topics: ['siap.employee.v1'] });
        const ends = await a.fetchTopicOffsets('siap.employee.v1');
        await a.disconnect();
        return committed.partitions.every((p) => ends.find((e) => e.partition === p.partition)!.high === p.offset);
      },
      'the redelivered events to be consumed',
      30_000,
    );
    await consumer.stop();
    const rows = (await dataSource.query('SELECT max(applied)::int AS most, count(*)::int AS n FROM projection')) as { most: number; n: number }[];
    expect(rows[0]).toEqual({ most: 1, n: 101 });
  });

  it('parks an event whose handler keeps failing on <topic>.dlq with the error, then moves on', async () => {
    const failing = new EventConsumer(kafka, dataSource, { name: 'always-fails', maxAttempts: 2, retryDelayMs: 10, log: silent }).on(
      EmployeeEvents.registered,
      async () => {
        throw new Error('projection table is gone');
      },
    );
    await failing.start();
    const dlq = new Kafka({ clientId: 'dlq-reader', brokers: [broker.address], logLevel: logLevel.NOTHING }).consumer({ groupId: 'dlq-reader' });
    const parked: Record<string, string>[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: 'siap.employee.v1.dlq', fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => void parked.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]))),
    });
    await waitFor(() => parked.length >= 101, 'every event on the DLQ', 60_000);
    await dlq.disconnect();
    await failing.stop();
    expect(parked[0]).toMatchObject({
      dlq_error: 'projection table is gone',
      dlq_consumer: 'always-fails',
      dlq_attempts: '2',
      ce_type: 'siap.employee.registered',
    });
    expect(failing.stats.deadLettered).toBeGreaterThanOrEqual(101);
  });
});

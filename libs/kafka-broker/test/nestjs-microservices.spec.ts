import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { KafkaBroker } from '../src';
import { startTestBroker, waitFor } from './support/broker-fixture';

const received: unknown[] = [];

@Controller()
class EmployeeEventsController {
  @EventPattern('siap.employee.test')
  onEmployeeEvent(@Payload() event: unknown): void {
    received.push(event);
  }

  @MessagePattern('math.sum')
  sum(@Payload() numbers: number[]): { total: number } {
    return { total: numbers.reduce((a, b) => a + b, 0) };
  }
}

@Module({ controllers: [EmployeeEventsController] })
class EventsModule {}

describe('@nestjs/microservices over the embedded broker', () => {
  let broker: KafkaBroker;
  let app: INestMicroservice;
  let client: ClientKafka;

  beforeAll(async () => {
    broker = await startTestBroker();
    app = await NestFactory.createMicroservice(EventsModule, {
      logger: false,
      transport: Transport.KAFKA,
      options: {
        client: { clientId: 'events-app', brokers: [broker.address] },
        consumer: { groupId: 'events-app', maxWaitTimeInMs: 200 },
        subscribe: { fromBeginning: true },
      },
    });
    await app.listen();
    client = new ClientKafka({
      client: { clientId: 'events-caller', brokers: [broker.address] },
      consumer: { groupId: 'events-caller', maxWaitTimeInMs: 200 },
    });
    client.subscribeToResponseOf('math.sum');
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await app.close();
    await broker.stop();
  });

  it('delivers a ClientKafka emit to a ServerKafka @EventPattern handler', async () => {
    await lastValueFrom(client.emit('siap.employee.test', { key: '199001012015031001', value: { nip: '199001012015031001', name: 'Andi' } }));
    await waitFor(() => received.length === 1, 20_000, 'the event handler to run');
    expect(received[0]).toEqual({ nip: '199001012015031001', name: 'Andi' });
  });

  it('round-trips a request and its reply with send()', async () => {
    await expect(lastValueFrom(client.send('math.sum', [1, 2, 39]))).resolves.toEqual({ total: 42 });
  });
});

import { EmployeeEvents, type EmployeeState } from '@app/contracts';
import { cloudEventHeaders, newCloudEvent } from '@app/messaging';
import { employeeState, startTestBroker, startTestService, TEST_INTERNAL_SECRET, type TestBroker, type TestDatabase } from '@app/testing';
export { waitFor } from '@app/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { GATEWAY_SERVICE } from '../src/gateway.module';

export const ADMIN = { nip: '196608011988031001', password: 'Rahasia-BKD-2026' };
export const JWT_SECRET = 'gateway-test-jwt-secret-0123456789abcdef';
export const INTERNAL_SECRET = TEST_INTERNAL_SECRET;

export interface GatewayHarness {
  baseUrl: string;
  broker: TestBroker['broker'];
  db: TestDatabase;
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** Publishes an employee event as SIAP does (contract, CloudEvents headers, NIP as key). */
  publishEmployee(type: keyof typeof EmployeeEvents, employee: EmployeeState): Promise<void>;
  close(): Promise<void>;
}

/** The gateway with its own database and an embedded broker (see libs/testing); SIAP's events are published by the test. */
export async function startGateway(extraEnv: Record<string, string> = {}): Promise<GatewayHarness> {
  const broker = await startTestBroker();
  const gateway = await startTestService(GATEWAY_SERVICE, { broker, env: { JWT_SECRET, ADMIN_NIP: ADMIN.nip, ADMIN_PASSWORD: ADMIN.password, ...extraEnv } });
  const producer: Producer = new Kafka({ clientId: 'fake-siap', brokers: [broker.address], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  return {
    baseUrl: gateway.baseUrl,
    broker: broker.broker,
    db: gateway.db,
    async call(method, p, body, token) {
      const reply = await gateway.call(method, p, { body, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: reply.status, body: reply.body === '' ? null : reply.body };
    },
    async publishEmployee(type, employee) {
      const event = newCloudEvent({ source: '/sulteng/siap', type: EmployeeEvents[type].type, subject: employee.nip, data: { employee } });
      await producer.send({
        topic: 'siap.employee.v1',
        acks: -1,
        messages: [{ key: employee.nip, value: JSON.stringify(event.data), headers: cloudEventHeaders(event) }],
      });
    },
    async close() {
      await producer.disconnect();
      await gateway.close();
      await broker.stop();
    },
  };
}

/** An employee's state as SIAP publishes it. */
export const employee = employeeState;

/**
 * A kafkajs group member in its own process, so a test can SIGKILL it: it vanishes without a
 * LeaveGroup, and the broker must expire it by session timeout. Prints "ready" once it joined and
 * then one "<value>" line per message.
 */
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const [brokers, groupId, topic] = process.argv.slice(2);
  const kafka = new Kafka({ clientId: 'child', brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 200 });
  consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('ready\n'));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void process.stdout.write(`${message.value!.toString()}\n`) });
}

void main();

import type { KafkaBroker } from '../src';
import { kafkaFor, kcatAvailable, startTestBroker, waitFor } from './support/broker-fixture';
import { kcat, kcatProcess } from './support/kcat';

const describeWithKcat = kcatAvailable() ? describe : describe.skip;

describeWithKcat('kcat (librdkafka) against the embedded broker', () => {
  let broker: KafkaBroker;
  let b: string;

  beforeAll(async () => {
    broker = await startTestBroker();
    b = broker.address;
    const admin = kafkaFor(broker).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kcat.split', numPartitions: 4 }] });
    await admin.disconnect();
  });
  afterAll(() => broker.stop());

  it('lists the broker as controller and the topics with -L', async () => {
    const out = await kcat(['-b', b, '-L']);
    expect(out).toContain(`broker 1 at 127.0.0.1:${broker.port} (controller)`);
    expect(out).toMatch(/topic "kcat\.split" with 4 partitions/);
  });

  it('produces with -P and reads the same records back with -C -o beginning -e', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `pegawai-${i}`);
    await kcat(['-b', b, '-P', '-t', 'kcat.plain'], lines.join('\n') + '\n');
    await kcat(['-b', b, '-P', '-t', 'kcat.plain', '-z', 'gzip'], 'gzipped-1\ngzipped-2\n');
    const out = await kcat(['-b', b, '-C', '-t', 'kcat.plain', '-o', 'beginning', '-e', '-q']);
    expect(out.trim().split('\n')).toEqual([...lines, 'gzipped-1', 'gzipped-2']);
  });

  it('splits partitions between two -G members and resumes from committed offsets', async () => {
    const memberArgs = [
      '-u',
      '-b',
      b,
      '-G',
      'kcat-group',
      '-f',
      '%p %s\\n',
      '-X',
      'auto.commit.interval.ms=100',
      '-X',
      'auto.offset.reset=earliest',
      '-q',
      'kcat.split',
    ];
    const first = kcatProcess(memberArgs);
    const second = kcatProcess(memberArgs);
    const admin = kafkaFor(broker).admin();
    await admin.connect();
    await waitFor(
      async () => {
        const [group] = (await admin.describeGroups(['kcat-group'])).groups;
        return group.state === 'Stable' && group.members.length === 2 && group.members.every((m) => m.memberAssignment.length > 0);
      },
      30_000,
      'two kcat members to share the group',
    );
    await admin.disconnect();

    const keyed = Array.from({ length: 400 }, (_, i) => `k${i % 40}:v${i}`);
    await kcat(['-b', b, '-P', '-t', 'kcat.split', '-K', ':'], keyed.join('\n') + '\n');
    const values = () => new Set([...first.lines, ...second.lines].map((l) => l.split(' ')[1]));
    await waitFor(() => values().size === 400, 60_000, 'two kcat members to read all 400 records');
    await new Promise((r) => setTimeout(r, 500)); // let auto-commit run once more
    first.child.kill('SIGINT');
    second.child.kill('SIGINT');
    await Promise.all([first.exited, second.exited]);

    const partitionsOf = (lines: string[]) => new Set(lines.map((l) => l.split(' ')[0]));
    const [mine, theirs] = [partitionsOf(first.lines), partitionsOf(second.lines)];
    expect(mine.size).toBeGreaterThan(0);
    expect(theirs.size).toBeGreaterThan(0);
    expect([...mine].filter((p) => theirs.has(p))).toEqual([]);
    expect(new Set([...mine, ...theirs])).toEqual(new Set(['0', '1', '2', '3']));

    const more = Array.from({ length: 40 }, (_, i) => `k${i}:later${i}`);
    await kcat(['-b', b, '-P', '-t', 'kcat.split', '-K', ':'], more.join('\n') + '\n');
    const resumed = kcatProcess(memberArgs);
    await waitFor(() => resumed.lines.length >= 40, 60_000, 'a new member to read the 40 later records');
    await new Promise((r) => setTimeout(r, 500));
    resumed.child.kill('SIGINT');
    await resumed.exited;
    expect(resumed.lines.map((l) => l.split(' ')[1]).sort()).toEqual(more.map((m) => m.split(':')[1]).sort());
  });
});

import { createHash } from 'node:crypto';
import { PerformanceEvents, type MonthScoreEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ComputedScore } from '../scores/computed-score';
import { MonthScores } from '../scores/month-scores';

/** What is published of a score: the figures Sim Tunjangan pays on, and where the norm came from. */
export function scoreEventData(s: ComputedScore, version: number): MonthScoreEventData {
  return {
    nip: s.nip,
    month: s.month,
    version,
    score: s.score,
    components: s.components,
    approvedMinutes: s.approvedMinutes,
    normMinutes: s.norm.proratedMinutes,
    normSource: s.norm.source,
    kmobVersion: s.norm.kmobVersion,
  };
}

const digestOf = (data: MonthScoreEventData) =>
  createHash('sha256')
    .update(JSON.stringify({ ...data, version: 0 }))
    .digest('hex');

/**
 * One writer per employee-month: a change correcting a month waits for (or is waited on by) the close
 * run's batch, and whichever comes second computes from what the first committed. Keys in order, so
 * two writers over overlapping employees queue rather than deadlock.
 */
export async function lockEmployeeMonths(m: EntityManager, month: string, nips: string[]): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('trk-month:' || $1), hashtext(nip)) FROM unnest($2::text[]) AS nip`, [month, [...nips].sort()]);
}

/**
 * Freezes and publishes employees' scores of a month, in sets: the first time as month-closed
 * (version 1), then as month-corrected with the next version, and only when what would be published
 * differs from what was. A handful of statements whatever the number of employees.
 */
@Injectable()
export class ScorePublisher {
  constructor(
    private readonly scores: MonthScores,
    private readonly outbox: OutboxPublisher,
  ) {}

  async publish(m: EntityManager, nips: string[], month: string): Promise<{ employees: number; published: number }> {
    await lockEmployeeMonths(m, month, nips);
    const computed = await this.scores.compute(m, nips, month, 'PUBLISH');
    const held = new Map(
      (
        (await m.query('SELECT nip, version, digest FROM trk_month_score WHERE month = $1 AND nip = ANY($2) FOR UPDATE', [month, nips])) as {
          nip: string;
          version: number;
          digest: string;
        }[]
      ).map((r) => [r.nip, r]),
    );
    const first: { key: string; data: MonthScoreEventData }[] = [];
    const next: typeof first = [];
    const rows: { data: MonthScoreEventData; digest: string }[] = [];
    for (const score of computed.values()) {
      const previous = held.get(score.nip);
      const data = scoreEventData(score, (previous?.version ?? 0) + 1);
      const digest = digestOf(data);
      if (previous?.digest === digest) continue;
      rows.push({ data, digest });
      (previous ? next : first).push({ key: score.nip, data });
    }
    if (rows.length > 0) await this.store(m, month, rows);
    // One statement per kind with an array per column, whatever the count (publishMany binds nine parameters an event).
    for (const [definition, items] of [
      [PerformanceEvents.monthClosed, first],
      [PerformanceEvents.monthCorrected, next],
    ] as const) {
      if (items.length === 0) continue;
      const prepared = this.outbox.prepareColumns(definition, items);
      await m.query(prepared.sql, prepared.params);
    }
    return { employees: computed.size, published: rows.length };
  }

  private async store(m: EntityManager, month: string, rows: { data: MonthScoreEventData; digest: string }[]): Promise<void> {
    const column = <T>(pick: (r: { data: MonthScoreEventData; digest: string }) => T) => rows.map(pick);
    await m.query(
      `INSERT INTO trk_month_score (month, nip, version, score, components, approved_minutes, norm_minutes, norm_source, kmob_version, digest)
       SELECT $1, u.nip, u.version, u.score, u.components::jsonb, u.approved, u.norm, u.source, u.kmob, u.digest
       FROM unnest($2::text[], $3::int[], $4::numeric[], $5::text[], $6::int[], $7::int[], $8::text[], $9::int[], $10::text[])
         AS u(nip, version, score, components, approved, norm, source, kmob, digest)
       ON CONFLICT (month, nip) DO UPDATE SET version = excluded.version, score = excluded.score, components = excluded.components,
         approved_minutes = excluded.approved_minutes, norm_minutes = excluded.norm_minutes, norm_source = excluded.norm_source,
         kmob_version = excluded.kmob_version, digest = excluded.digest, published_at = now()`,
      [
        month,
        column((r) => r.data.nip),
        column((r) => r.data.version),
        column((r) => r.data.score),
        column((r) => JSON.stringify(r.data.components)),
        column((r) => r.data.approvedMinutes),
        column((r) => r.data.normMinutes),
        column((r) => r.data.normSource),
        column((r) => r.data.kmobVersion),
        column((r) => r.digest),
      ],
    );
  }
}

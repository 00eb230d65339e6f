import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScoreFactsStore } from '../scores/score-facts.store';
import { lockEmployeeMonths, ScorePublisher } from './score-publisher';

/**
 * Inside a change's transaction (an entry, a verification, a target agreed, K-Mob's newer summary):
 * republishes the scores it touched in months that are closed or closing, or where the employee's
 * score was already published, as the next version. The atasan of each touched employee is
 * recomputed too, since their subordinates meeting the norm is part of their score.
 */
@Injectable()
export class ScoreCorrections {
  constructor(
    private readonly publisher: ScorePublisher,
    private readonly facts: ScoreFactsStore,
  ) {}

  async correct(m: EntityManager, touched: { nip: string; month: string }[]): Promise<number> {
    if (touched.length === 0) return 0;
    let published = 0;
    for (const month of [...new Set(touched.map((t) => t.month))].sort()) {
      const nips = [...new Set(touched.filter((t) => t.month === month).map((t) => t.nip))];
      const affected = [...new Set([...nips, ...(await this.facts.atasans(m, nips))])];
      // Locked before looking: a close that begins meanwhile then either sees this change committed or
      // has frozen the score before this looks, and the change corrects it.
      await lockEmployeeMonths(m, month, affected);
      const due = await this.due(m, month, affected);
      if (due.length > 0) published += (await this.publisher.publish(m, due, month)).published;
    }
    return published;
  }

  private async due(m: EntityManager, month: string, nips: string[]): Promise<string[]> {
    const rows = (await m.query(
      `SELECT n.nip FROM unnest($2::text[]) AS n(nip)
       WHERE EXISTS (SELECT 1 FROM month_close WHERE month = $1) OR EXISTS (SELECT 1 FROM trk_month_score s WHERE s.month = $1 AND s.nip = n.nip)`,
      [month, nips],
    )) as { nip: string }[];
    return rows.map((r) => r.nip);
  }
}

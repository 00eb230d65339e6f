import { ApiError } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { LocalClock } from '../common/local-clock';
import { ruleOn, type EffectiveRule } from '../domain/effective-rules';
import { countedTime, type OfflineCheckInRule } from '../domain/offline-check-in';
import { RuleStore } from '../rules/rule-store';

const refuse = (message: string, info: Record<string, unknown> = {}) =>
  new ApiError(422, `Presensi luring ditolak: ${message}`, [{ field: 'capturedAt', message }], { reason: 'OFFLINE_WINDOW', ...info });

/**
 * When a check-in sent with the phone's time (`capturedAt`: made without signal, sent later) counts,
 * by the offline-check-in rule in force on the day it arrived. The server decides: a time in the future
 * or older than the window is refused, naming capturedAt.
 */
@Injectable()
export class OfflineWindow {
  constructor(
    private readonly rules: RuleStore,
    private readonly clock: LocalClock,
  ) {}

  /** Every rule version, read once for a whole batch of check-ins. */
  async versions(): Promise<EffectiveRule<OfflineCheckInRule>[]> {
    return (await this.rules.list('offline-check-in')).filter((r) => r.scope === '') as EffectiveRule<OfflineCheckInRule>[];
  }

  /** The instant the check-in counts at, or the refusal. */
  counted(capturedAt: string, receivedAt: Date, versions: EffectiveRule<OfflineCheckInRule>[]): Date {
    const rule = ruleOn(versions, this.clock.at(receivedAt).date);
    if (!rule) throw refuse('belum ada aturan presensi luring yang berlaku; hubungi admin BKD');
    const verdict = countedTime(new Date(capturedAt), receivedAt, rule.value);
    if (verdict.accepted) return verdict.counted;
    const info = { rule: 'offline-check-in', effectiveFrom: rule.effectiveFrom, ...rule.value };
    if (verdict.reason === 'IN_THE_FUTURE') throw refuse('waktunya di masa depan menurut jam server; periksa jam dan tanggal ponsel Anda', info);
    const hours = String(Math.round((rule.value.maxDelayMinutes / 60) * 10) / 10).replace('.', ',');
    throw refuse(`dikirim lebih dari ${hours} jam setelah presensi dilakukan; hubungi atasan atau operator OPD Anda`, info);
  }
}

import { canManageEmployee, type Identity } from '@app/auth';
import { ApiError, invalid, notFound, type FieldProblem } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { isAdmin, isOperator } from '../common/trk-access';
import { CODE, CODE_MESSAGE, type CatalogueActivityDto } from './catalogue.dto';
import { parseCatalogueCsv, type CatalogueRowError } from './catalogue-csv';
import type { CatalogueActivityResponse, CatalogueImportResponse } from './catalogue.responses';
import { CatalogueStore, type CatalogueWrite } from './catalogue.store';

const PROVINCE_WIDE = 'kegiatan untuk seluruh jabatan suatu jenis berlaku se-provinsi dan hanya dapat diubah admin BKD';

/**
 * The activity catalogue: BKD manages every activity; an operator those of the positions of their OPD
 * (the position's unit is theirs or below it), never a province-wide one. Everyone reads it.
 */
@Injectable()
export class CatalogueService {
  constructor(private readonly store: CatalogueStore) {}

  list(positionCode: string | null, positionType: string | null): Promise<CatalogueActivityResponse[]> {
    return this.store.list(positionCode, positionType);
  }

  async put(who: Identity, code: string, activity: CatalogueActivityDto): Promise<CatalogueActivityResponse> {
    assertManager(who);
    if (!CODE.test(code)) throw invalid('code', CODE_MESSAGE);
    const [write] = await this.writes(who, [{ code, activity }]);
    if ('refusal' in write) {
      const { status, problem } = write.refusal;
      if (status === 403) throw new ApiError(403, `Anda tidak berhak mengubah kegiatan ${code}: ${problem.message}`);
      throw new ApiError(status, `Kegiatan ${code} tidak dapat disimpan: ${problem.field} ${problem.message}`, [problem]);
    }
    await this.store.upsert([write], who.nip);
    return (await this.store.get(code))!;
  }

  async remove(who: Identity, code: string): Promise<void> {
    assertManager(who);
    const existing = (await this.store.existing([code])).get(code);
    if (!existing) throw notFound(`Kegiatan ${code}`);
    const problem = scopeProblem(who, existing.unitPath);
    if (problem) throw new ApiError(403, `Anda tidak berhak menghapus kegiatan ${code}: ${problem}`);
    await this.store.remove(code);
  }

  /**
   * A CSV of activities, applied all or nothing: one transaction-sized statement when every row is
   * good, otherwise nothing is written and every row's problems come back (400, info.rows), since a
   * catalogue half imported would leave positions with half their activities.
   */
  async import(who: Identity, csv: string): Promise<CatalogueImportResponse> {
    assertManager(who);
    const { rows, errors } = parseCatalogueCsv(csv);
    const checked = await this.writes(who, rows);
    const rowErrors: CatalogueRowError[] = [
      ...errors,
      ...checked.flatMap((w, i) => ('refusal' in w ? [{ line: rows[i].line, key: rows[i].code, problems: [w.refusal.problem] }] : [])),
    ].sort((a, b) => a.line - b.line);
    if (rowErrors.length > 0) {
      throw new ApiError(
        400,
        `${rowErrors.length} baris tidak valid; tidak ada kegiatan yang disimpan. Perbaiki baris ${rowErrors
          .slice(0, 5)
          .map((e) => e.line)
          .join(', ')}${rowErrors.length > 5 ? ', …' : ''} lalu impor ulang berkasnya`,
        rowErrors.slice(0, 200).flatMap((e) => e.problems.map((p) => ({ field: `baris ${e.line}.${p.field}`, message: p.message }))),
        { rows: rowErrors.slice(0, 1000) },
      );
    }
    const { created, updated } = await this.store.upsert(checked as CatalogueWrite[], who.nip);
    return { rows: rows.length, created, updated, unchanged: rows.length - created - updated };
  }

  /** Each activity with its unit, or why `who` cannot write it (400 bad, 422 an unknown position, 403 outside their scope). */
  private async writes(who: Identity, items: { code: string; activity: CatalogueActivityDto }[]): Promise<(CatalogueWrite | { refusal: Refusal })[]> {
    const positions = await this.store.unitsOfPositions([...new Set(items.flatMap((i) => (i.activity.positionCode ? [i.activity.positionCode] : [])))]);
    const existing = await this.store.existing(items.map((i) => i.code));
    return items.map(({ code, activity }) => {
      const { positionCode, positionType } = activity;
      const refuse = (status: Refusal['status'], field: string, message: string) => ({ refusal: { status, problem: { field, message } } });
      if ((positionCode === undefined) === (positionType === undefined))
        return refuse(400, positionCode ? 'positionType' : 'positionCode', 'isi salah satu: positionCode (satu jabatan) atau positionType (jenis jabatan)');
      const position = positionCode ? positions.get(positionCode) : undefined;
      if (positionCode && !position) return refuse(422, 'positionCode', `jabatan ${positionCode} tidak dikenal di SIAP`);
      const forbidden = scopeProblem(who, position?.unitPath ?? null) ?? (existing.has(code) ? scopeProblem(who, existing.get(code)!.unitPath) : null);
      if (forbidden) return refuse(403, 'code', forbidden);
      return { code, activity, unitCode: position?.unitCode ?? null };
    });
  }
}

interface Refusal {
  status: 400 | 403 | 422;
  problem: FieldProblem;
}

function assertManager(who: Identity): void {
  if (!isAdmin(who) && !isOperator(who)) throw new ApiError(403, 'Hanya admin BKD dan operator OPD yang dapat mengelola katalog kegiatan');
}

/** Why `who` may not manage an activity of this unit (null: a province-wide one), or null when they may. */
function scopeProblem(who: Identity, unitPath: string[] | null): string | null {
  if (isAdmin(who)) return null;
  if (unitPath === null) return PROVINCE_WIDE;
  return canManageEmployee(who, { unitPath }) ? null : `jabatan ini bukan di unit ${who.unitCode} atau di bawahnya`;
}

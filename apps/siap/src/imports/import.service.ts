import { JobStore, type JobView } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { EMPLOYEE_IMPORT, type ImportParams } from './employee-import.job';
import { parseSiasnCsv } from './siasn-csv';

@Injectable()
export class ImportService {
  constructor(private readonly jobs: JobStore) {}

  /**
   * Checks the file can be read (a file SIAP cannot read at all is refused at once), then queues the
   * import; an operator's (`withinUnit`) stores only rows of their unit and below, the rest are row errors.
   */
  start(csv: string, by: string, withinUnit?: string): Promise<JobView> {
    const rows = parseSiasnCsv(csv);
    const params: ImportParams = withinUnit ? { withinUnit } : {};
    return this.jobs.enqueue(EMPLOYEE_IMPORT, params, {
      createdBy: by,
      payload: csv,
      progress: { total: rows.length, processed: 0, imported: 0, unchanged: 0, failed: 0 },
    });
  }
}

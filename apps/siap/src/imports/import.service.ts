import { JobStore, type JobView } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { EMPLOYEE_IMPORT } from './employee-import.job';
import { parseSiasnCsv } from './siasn-csv';

@Injectable()
export class ImportService {
  constructor(private readonly jobs: JobStore) {}

  /** Checks the file can be read (a file SIAP cannot read at all is refused at once), then queues the import. */
  start(csv: string, by: string): Promise<JobView> {
    const rows = parseSiasnCsv(csv);
    return this.jobs.enqueue(
      EMPLOYEE_IMPORT,
      {},
      { createdBy: by, payload: csv, progress: { total: rows.length, processed: 0, imported: 0, unchanged: 0, failed: 0 } },
    );
  }
}

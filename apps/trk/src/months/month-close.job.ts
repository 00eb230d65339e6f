import { MonthCloseJob as ClosingJob } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { MONTH_CLOSE, MonthCloseService } from './month-close.service';

/** Closing a month for every employee (MonthCloseService.closeStep) as the durable job libs/service-kit runs. */
@Injectable()
export class MonthCloseJob extends ClosingJob {
  readonly kind = MONTH_CLOSE;

  constructor(months: MonthCloseService) {
    super(months);
  }
}

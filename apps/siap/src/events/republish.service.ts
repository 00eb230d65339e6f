import { EmployeeEvents, OrganizationEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { currentTraceparent } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { employeeState } from '../employees/employee-state';
import { EmployeeEntity, PositionEntity, UnitEntity } from '../persistence/entities';
import { toPositionState } from '../positions/position.service';
import { unitPath, toUnitState } from '../units/unit.service';

/** Re-emits a snapshot of every unit, position and employee, for a new consumer to bootstrap from. */
@Injectable()
export class RepublishService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async republish(): Promise<{ units: number; positions: number; employees: number }> {
    const traceparent = currentTraceparent();
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const units = await m.find(UnitEntity, { order: { code: 'ASC' } });
      // One after another: a transaction's connection runs one query at a time.
      const unitStates = [];
      for (const u of units) unitStates.push(toUnitState(u, await unitPath(m, u.code)));
      await this.outbox.publishMany(
        m,
        OrganizationEvents.unitSnapshot,
        unitStates.map((unit) => ({ key: `unit:${unit.code}`, data: { unit }, traceparent })),
      );
      const positions = await m.find(PositionEntity, { order: { code: 'ASC' } });
      await this.outbox.publishMany(
        m,
        OrganizationEvents.positionSnapshot,
        positions.map((p) => ({ key: `position:${p.code}`, data: { position: toPositionState(p) }, traceparent })),
      );
      let employees = 0;
      for (let page = 0; ; page++) {
        const batch = await m.find(EmployeeEntity, { order: { nip: 'ASC' }, skip: page * 1000, take: 1000 });
        if (batch.length === 0) break;
        const states = [];
        for (const e of batch) states.push(await employeeState(m, e));
        await this.outbox.publishMany(
          m,
          EmployeeEvents.snapshot,
          states.map((employee) => ({ key: employee.nip, data: { employee }, traceparent })),
        );
        employees += batch.length;
      }
      return { units: units.length, positions: positions.length, employees };
    });
  }
}

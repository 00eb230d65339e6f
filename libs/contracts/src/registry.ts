import type { EventDefinition } from './event-definition';
import { AttendanceEvents } from './events/kmob-attendance.v1';
import { DisciplineEvents } from './events/kmob-discipline.v1';
import { EmployeeEvents } from './events/siap-employee.v1';
import { OrganizationEvents } from './events/siap-organization.v1';

/** Every event the platform publishes; the AsyncAPI document and the validators are built from this list. */
export const ALL_EVENTS: readonly EventDefinition<unknown>[] = [
  ...Object.values(EmployeeEvents),
  ...Object.values(OrganizationEvents),
  ...Object.values(AttendanceEvents),
  ...Object.values(DisciplineEvents),
];

const byType = new Map(ALL_EVENTS.map((e) => [e.type, e]));

export function eventDefinition(type: string): EventDefinition<unknown> | undefined {
  return byType.get(type);
}

import type { EventDefinition } from './event-definition';
import { AttendanceEvents } from './events/kmob-attendance.v1';
import { CalendarEvents } from './events/kmob-calendar.v1';
import { DisciplineEvents } from './events/kmob-discipline.v1';
import { EmployeeEvents } from './events/siap-employee.v1';
import { OrganizationEvents } from './events/siap-organization.v1';
import { ActivityEvents } from './events/trk-activity.v1';
import { PerformanceEvents } from './events/trk-performance.v1';
import { SkpEvents } from './events/trk-skp.v1';

/**
 * Event definitions keyed by (topic, type): a CloudEvents type names an event within its topic, so a
 * `siap.employee.v2` topic can reuse v1's type names with a different schema.
 */
export class EventRegistry {
  private readonly byTopic = new Map<string, Map<string, EventDefinition<unknown>>>();

  constructor(definitions: readonly EventDefinition<unknown>[]) {
    for (const definition of definitions) {
      const types = this.byTopic.get(definition.topic) ?? new Map<string, EventDefinition<unknown>>();
      if (types.has(definition.type)) throw new Error(`${definition.type} is defined twice on ${definition.topic}`);
      this.byTopic.set(definition.topic, types.set(definition.type, definition));
    }
  }

  find(topic: string, type: string): EventDefinition<unknown> | undefined {
    return this.byTopic.get(topic)?.get(type);
  }
}

/** Every event the platform publishes; the AsyncAPI document is built from this list. */
export const ALL_EVENTS: readonly EventDefinition<unknown>[] = [
  ...Object.values(EmployeeEvents),
  ...Object.values(OrganizationEvents),
  ...Object.values(AttendanceEvents),
  ...Object.values(DisciplineEvents),
  ...Object.values(CalendarEvents),
  ...Object.values(ActivityEvents),
  ...Object.values(PerformanceEvents),
  ...Object.values(SkpEvents),
];

const registry = new EventRegistry(ALL_EVENTS);

/** For callers that hold only a record's topic and CloudEvents type, not its definition. */
export function eventDefinition(topic: string, type: string): EventDefinition<unknown> | undefined {
  return registry.find(topic, type);
}

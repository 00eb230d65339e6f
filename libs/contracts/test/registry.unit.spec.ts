import { assertValidEvent, ContractViolation, defineEvent, EmployeeEvents, eventDefinition, EventRegistry, SIAP_EMPLOYEE_TOPIC } from '../src';

// A later version of a topic reusing v1's type name with an incompatible payload.
const registeredV2 = defineEvent({
  type: EmployeeEvents.registered.type,
  topic: 'siap.employee.v2',
  summary: 'A CPNS/PPPK employee was registered in SIAP (v2).',
  key: 'the employee NIP',
  schema: { type: 'object', additionalProperties: false, required: ['nip'], properties: { nip: { type: 'string' } } },
});

describe('event registry', () => {
  it('keeps two definitions with the same type on different topics apart', () => {
    const registry = new EventRegistry([EmployeeEvents.registered, registeredV2]);
    expect(registry.find(SIAP_EMPLOYEE_TOPIC, 'siap.employee.registered')).toBe(EmployeeEvents.registered);
    expect(registry.find('siap.employee.v2', 'siap.employee.registered')).toBe(registeredV2);
    expect(registry.find('siap.organization.v1', 'siap.employee.registered')).toBeUndefined();

    expect(() => assertValidEvent(registeredV2, { nip: '196608011988031001' })).not.toThrow();
    expect(() => assertValidEvent(EmployeeEvents.registered, { nip: '196608011988031001' })).toThrow(ContractViolation);
  });

  it('refuses the same type twice on one topic', () => {
    expect(() => new EventRegistry([EmployeeEvents.registered, EmployeeEvents.registered])).toThrow(
      /siap\.employee\.registered is defined twice on siap\.employee\.v1/,
    );
  });

  it('looks up the published events by topic and type', () => {
    expect(eventDefinition(SIAP_EMPLOYEE_TOPIC, 'siap.employee.registered')).toBe(EmployeeEvents.registered);
    expect(eventDefinition('siap.organization.v1', 'siap.employee.registered')).toBeUndefined();
    expect(eventDefinition(SIAP_EMPLOYEE_TOPIC, 'siap.unknown')).toBeUndefined();
  });
});

import { loadConfig } from '@app/service-kit';
import { AccessTokens } from '@app/auth';
import { GatewayConfig } from '../src/gateway.config';

const BASE = {
  PORT: '3000',
  DATABASE_URL: 'postgres://x@localhost/gateway',
  KAFKA_BROKERS: 'localhost:9092',
  JWT_SECRET: 'j'.repeat(40),
  INTERNAL_AUTH_SECRET: 'i'.repeat(40),
};

describe('gateway configuration and signing keys', () => {
  it('refuses to start in production without the first admin, naming the variables', () => {
    expect(() => loadConfig(GatewayConfig, { ...BASE, NODE_ENV: 'production' })).toThrow(/ADMIN_NIP[\s\S]*ADMIN_PASSWORD/);
    expect(() =>
      loadConfig(GatewayConfig, { ...BASE, NODE_ENV: 'production', ADMIN_NIP: '196608011988031001', ADMIN_PASSWORD: 'Rahasia-2026x' }),
    ).not.toThrow();
    expect(() => loadConfig(GatewayConfig, { ...BASE })).not.toThrow(); // development: npm start provides them
    expect(() => loadConfig(GatewayConfig, { ...BASE, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it.each([
    ['unset as off', undefined, false],
    ['"off" as off', 'off', false],
    ['"1" as one hop (the Ingress controller)', '1', 1],
    ['proxy addresses and CIDRs as their list', '10.42.0.0/16, 127.0.0.1,fd00::/8', ['10.42.0.0/16', '127.0.0.1', 'fd00::/8']],
  ])('reads TRUST_PROXY %s', (_case, value, expected) => {
    expect(loadConfig(GatewayConfig, { ...BASE, ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy).toEqual(expected);
  });

  it.each([
    ['every hop (anyone could name their address)', 'true'],
    ['no hops', '0'],
    ['too many hops', '11'],
    ['a host name', 'ingress.local'],
    ['a CIDR beyond its family', '10.0.0.0/33'],
    ['a list with a gap', '10.0.0.1,,10.0.0.2'],
  ])('refuses TRUST_PROXY as %s (%s), naming it', (_case, value) => {
    expect(() => loadConfig(GatewayConfig, { ...BASE, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('keeps accepting tokens of a previous key after rotation, and only those', async () => {
    const identity = {
      nip: '196608011988031001',
      name: 'Admin',
      roles: ['ADMIN_BKD' as const],
      unitCode: 'BKD',
      sessionId: '0b7c3f0e-3d6f-4a53-9d1c-2f4b9a3c1e55',
      epoch: 1,
    };
    const before = new AccessTokens('k1', 'first-secret-of-sufficient-length-000', new Map(), 900);
    const oldToken = await before.issue(identity);
    const rotated = new AccessTokens('k2', 'second-secret-of-sufficient-length-00', new Map([['k1', 'first-secret-of-sufficient-length-000']]), 900);
    await expect(rotated.verify(oldToken)).resolves.toMatchObject(identity);
    const newToken = await rotated.issue(identity);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString()).kid).toBe('k2');
    const retired = new AccessTokens('k2', 'second-secret-of-sufficient-length-00', new Map(), 900);
    await expect(retired.verify(oldToken)).rejects.toThrow(/unknown signing key/);
    await expect(retired.verify(newToken)).resolves.toMatchObject(identity);
  });
});

import { SignJWT } from 'jose';
import { signIdentity, verifyIdentity, type Identity } from '../src';

const SECRET = 'a-secret-shared-by-gateway-and-services-0123456789';
const admin: Identity = { nip: '196608011988031001', name: 'Andi', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

describe('internal identity token', () => {
  it('round-trips the identity the gateway verified', async () => {
    await expect(verifyIdentity(await signIdentity(admin, SECRET), SECRET)).resolves.toEqual(admin);
  });

  it('refuses a token signed with another secret, an expired one, a tampered one and garbage', async () => {
    const other = await signIdentity(admin, 'another-secret-of-enough-length-0123456789');
    await expect(verifyIdentity(other, SECRET)).rejects.toThrow(/signature/);
    const expired = await new SignJWT({ roles: ['ADMIN_BKD'], unit: 'BKD' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(admin.nip)
      .setIssuer('sulteng-asn-gateway')
      .setAudience('sulteng-asn-services')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyIdentity(expired, SECRET)).rejects.toThrow(/exp/);
    const token = await signIdentity({ ...admin, roles: ['PEGAWAI'] }, SECRET);
    const [h, payload, sig] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.roles = ['ADMIN_BKD'];
    await expect(verifyIdentity([h, Buffer.from(JSON.stringify(forged)).toString('base64url'), sig].join('.'), SECRET)).rejects.toThrow();
    await expect(verifyIdentity('not-a-token', SECRET)).rejects.toThrow();
  });

  it('refuses a token with no known role', async () => {
    const token = await signIdentity({ ...admin, roles: ['SUPERUSER' as never] }, SECRET);
    await expect(verifyIdentity(token, SECRET)).rejects.toThrow(/incomplete identity/);
  });
});

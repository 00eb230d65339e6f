import { defineService } from '@app/service-kit/service-descriptor';

export const GATEWAY = defineService({
  name: 'gateway',
  title: 'Sulteng ASN gateway',
  description: 'Login, accounts and roles; the only public entrance to the platform.',
  port: 3000,
  public: true,
  replicas: 2,
  env: {
    JWT_SECRET: { description: 'Signs access tokens (32+ characters)', secret: true },
    ADMIN_NIP: { description: 'The first BKD admin', secret: true },
    ADMIN_PASSWORD: { description: "The first BKD admin's password", secret: true },
  },
  produces: [],
  consumes: ['siap.employee.v1'],
});

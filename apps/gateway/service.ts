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
    // Behind the Ingress every caller arrives from the controller: its X-Forwarded-For names the caller.
    // Compose publishes the gateway directly, where a forwarded address would be the caller's own claim.
    TRUST_PROXY: {
      description:
        'the Ingress controller, one hop in front, names each caller in X-Forwarded-For for the login throttle and rate limits; let only the Ingress reach this Service, or a caller could name any address',
      k8sValue: '1',
    },
  },
  produces: [],
  consumes: ['siap.employee.v1'],
});

/** API keys over HTTP: create (the secret once), list, revoke, and "which key am I". */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KeyRepository } from '../db/repositories/key-repository.ts';
import { HttpError } from '../lib/errors.ts';
import { callingKeySchema, createdKeySchema, keyCreateSchema, keyParamsSchema, keySchema } from './key-schemas.ts';

const tags = ['keys'];

/** Registers `POST`/`GET /v1/keys`, `DELETE /v1/keys/:id` (admin) and `GET /v1/keys/me` (any key). */
export async function keyRoutes(fastify: FastifyInstance, options: { keys: KeyRepository }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { keys } = options;

  app.post('/v1/keys', {
    schema: {
      summary: 'Create an API key; the secret is in this answer only', tags,
      description: 'Only a hash of the secret is stored: copy it now. Every secret starts with `npsk_`.',
      body: keyCreateSchema, response: { 201: createdKeySchema },
    },
    config: { access: 'admin' },
  }, async (request, reply) => {
    const { secret, key } = await keys.create(request.body.scope, request.body.name ?? null);
    return reply.code(201).send({ ...key, secret });
  });

  app.get('/v1/keys', {
    schema: { summary: 'List API keys: id, name, scope, created, last used (to the minute); never a secret', tags, response: { 200: z.object({ keys: z.array(keySchema) }) } },
    config: { access: 'admin' },
  }, async () => ({ keys: await keys.list() }));

  app.get('/v1/keys/me', {
    schema: { summary: 'The key this request is made with: its id, name and scope', tags, response: { 200: callingKeySchema } },
    config: { access: 'read' },
  }, async (request) => request.apiKey!);

  app.delete('/v1/keys/:id', {
    schema: { summary: 'Revoke an API key: it stops working with the next request', tags, params: keyParamsSchema },
    config: { access: 'admin' },
  }, async (request, reply) => {
    if (!(await keys.revoke(request.params.id))) throw new HttpError(404, 'key_not_found', `id: no API key with id "${request.params.id}"`);
    return reply.code(204).send();
  });
}

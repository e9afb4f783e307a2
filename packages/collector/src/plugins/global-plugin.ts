import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/** Marks a plugin as not encapsulated, so its hooks and decorators apply to the whole app (what fastify-plugin does). */
export function globalPlugin<Options extends object>(
  plugin: (app: FastifyInstance, options: Options) => Promise<void>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin as FastifyPluginAsync<Options>;
}

import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';

/** Marks a plugin as not encapsulated, so its hooks and decorators apply to the whole app (what fastify-plugin does). */
export function globalPlugin<Options extends object>(
  plugin: (app: FastifyInstance, options: Options) => Promise<void>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin as FastifyPluginAsync<Options>;
}

type RouteHookName = 'onRequest' | 'preHandler' | 'onResponse';

/**
 * Adds a hook to one route as it is registered (call from an `onRoute` hook). Routes that do not
 * need a concern never run its hook, and the hook can close over the route's settings instead of
 * reading `request.routeOptions` (which builds a new object on every access).
 */
export function addRouteHook<Name extends RouteHookName>(route: RouteOptions, name: Name, hook: NonNullable<RouteOptions[Name]>): void {
  const existing = route[name];
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  route[name] = [...list, ...(Array.isArray(hook) ? hook : [hook])] as RouteOptions[Name];
}

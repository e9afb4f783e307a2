import type { FastifyInstance } from 'fastify';

/** The hosted survey page `/s/:surveyId`. */
export async function hostedSurveyRoutes(_app: FastifyInstance): Promise<void> {}

/** The team an answer belongs to, and the rule that teams are coached, never ranked against each other. */
import { HttpError } from './errors.ts';

/** The custom property that names the team an answer belongs to. */
export const TEAM_PROPERTY = 'team';

/** The 400 for a request that would set teams' figures side by side (segments by team, a team compared with another). */
export function teamsNotRanked(field: string): HttpError {
  return new HttpError(400, 'invalid_request',
    `${field}: teams are not ranked against each other (the score is a learning tool, not a verdict on staff); read one team's own figures at GET /v1/surveys/:id/teams/:team`);
}

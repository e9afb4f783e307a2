/** An error that becomes the `{ error: { code, message } }` envelope with its status. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

/** 404 for a survey id that does not exist. */
export function surveyNotFound(surveyId: string): HttpError {
  return new HttpError(404, 'survey_not_found', `surveyId: no survey with id "${surveyId}"`);
}

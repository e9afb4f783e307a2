export * from './score.js';
export * from './nps.js';
export * from './normal.js';
export * from './rounding.js';
export * from './locales.js';
export * from './api-types.js';
export * from './ids.js';

// Development builds (Vitest) ask for `jsxDEV`; it is the same runtime.
export { Fragment, jsx as jsxDEV } from './jsx-runtime';

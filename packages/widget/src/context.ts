import { LIMITS, type DeviceClass, type Properties } from '@npsloop/core';

/** The page's path, with the query string only when the site opted in; never the fragment. */
export function pagePath(where: { pathname: string; search: string }, withQuery: boolean): string {
  return (where.pathname + (withQuery ? where.search : '')).slice(0, LIMITS.pageMaxLength);
}

/** A coarse device class from the viewport width and pointer: no fingerprinting. */
export function deviceClass(width: number, coarsePointer: boolean): DeviceClass {
  return width < 600 ? 'mobile' : coarsePointer && width < 1200 ? 'tablet' : 'desktop';
}

/** Keeps the traits the collector accepts: at most 20 keys, short keys, string/number/boolean values. */
export function cleanProperties(traits: unknown): Properties | undefined {
  if (!traits || typeof traits !== 'object') return undefined;
  const properties: Properties = {};
  let count = 0;
  for (const [key, value] of Object.entries(traits)) {
    if (count >= LIMITS.propertiesMaxKeys || !key || key.length > LIMITS.propertyKeyMaxLength) continue;
    if (typeof value === 'string') properties[key] = value.slice(0, LIMITS.propertyValueMaxLength);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) properties[key] = value;
    else continue;
    count++;
  }
  return count ? properties : undefined;
}

import type { Position, Theme } from '../survey-view';

/** How the survey looks, from the page's `data-position`, `data-theme` and `data-accent`. */
export interface Looks {
  position: Position;
  theme: Theme;
  /** The accent colour, validated: it never escapes its declaration (no `;`, braces, quotes or `\`). */
  accent?: string;
}

const POSITIONS: Position[] = ['bottom-right', 'bottom-left', 'bottom-center', 'center'];
const THEMES: Theme[] = ['light', 'dark', 'auto'];
const COLOUR = /^[#\w(),.%\s/-]{1,64}$/;

/** Reads the looks from the attributes, defaulting what is missing or invalid (bottom-right, light, the built-in accent). */
export function readLooks(attributes: Record<string, string | undefined>): Looks {
  const { position, theme } = attributes;
  const accent = attributes.accent?.trim();
  return {
    position: POSITIONS.includes(position as Position) ? (position as Position) : POSITIONS[0],
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : THEMES[0],
    accent: accent && COLOUR.test(accent) ? accent : undefined,
  };
}

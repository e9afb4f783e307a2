/** What the demo data set is made of: touchpoints with their own moods, and comments in English and Dutch with recurring themes. */

/** A touchpoint of the demo shop: how its customers tend to score, and where they answer from. */
export interface DemoTouchpoint {
  name: string;
  journey: string;
  channels: readonly ('web' | 'app' | 'email' | 'link')[];
  /** Chance of a promoter and of a detractor; the rest are passives. */
  promoterShare: number;
  detractorShare: number;
  /** Extra promoter share in the last 14 days: a touchpoint that is getting better. */
  recentLift: number;
}

/** The demo shop's touchpoints. */
export const DEMO_TOUCHPOINTS: readonly DemoTouchpoint[] = [
  { name: 'checkout', journey: 'purchase', channels: ['web', 'app'], promoterShare: 0.35, detractorShare: 0.35, recentLift: 0.25 },
  { name: 'delivery', journey: 'after-sales', channels: ['email', 'link'], promoterShare: 0.3, detractorShare: 0.4, recentLift: 0 },
  { name: 'support', journey: 'after-sales', channels: ['web', 'email'], promoterShare: 0.6, detractorShare: 0.15, recentLift: 0 },
  { name: 'onboarding', journey: 'browse', channels: ['web'], promoterShare: 0.5, detractorShare: 0.2, recentLift: 0 },
  { name: 'mobile-app', journey: 'browse', channels: ['app'], promoterShare: 0.45, detractorShare: 0.3, recentLift: -0.1 },
];

/** Comment templates per group and language; the recurring themes are what the themes report should find. */
export const DEMO_COMMENTS = {
  detractor: {
    en: [
      'Slow delivery, the parcel took two weeks', 'Slow delivery and no tracking updates', 'Checkout kept failing on my card',
      'Support never answered my email', 'Too expensive for what you get', 'The app crashes when I pay', 'Slow delivery again, very disappointing',
    ],
    nl: ['Trage levering, pakket kwam veel te laat', 'Trage levering en geen track & trace', 'Klantenservice reageerde niet op mijn mail', 'Te duur voor wat je krijgt', 'De app crasht bij het betalen'],
  },
  passive: {
    en: ['Fine, but delivery could be faster', 'Good products, checkout is clunky', 'Okay overall, prices are high'],
    nl: ['Prima, maar de levering kan sneller', 'Goede producten, afrekenen is omslachtig'],
  },
  promoter: {
    en: ['Friendly support staff, solved it in minutes', 'Fast delivery and great quality', 'Easy checkout, great products', 'Friendly support and fast delivery'],
    nl: ['Vriendelijke klantenservice, snel geholpen', 'Snelle levering en goede kwaliteit', 'Makkelijk bestellen, mooie producten'],
  },
} as const;

/** Staff who work the loop queue in the demo. */
export const DEMO_STAFF = ['dana', 'eve', 'sam'] as const;

/** Notes staff leave on loops. */
export const DEMO_NOTES = [
  'Called the customer, apologised and offered a discount code.',
  'Emailed; the parcel was lost by the carrier, reshipped today.',
  'Customer confirmed the issue is solved.',
  'Left a voicemail, will try again tomorrow.',
] as const;

/** The team that serves each demo touchpoint, carried as the answers' `team` property (coaching by team). */
export const DEMO_TEAMS: Readonly<Record<string, string>> = {
  checkout: 'Web shop', delivery: 'Logistics', support: 'Customer service', onboarding: 'Web shop', 'mobile-app': 'App team',
};

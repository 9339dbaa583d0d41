import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (package `chromium`; CI installs it when missing). Never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a machine without internet: no background networking, component
 * updates, sync or first-run work (their connections are refused here, many at a time).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches {@link CHROMIUM} through playwright-core (which adds its own headless switch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless') });
}

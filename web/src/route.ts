/**
 * The page's own routes (the gateway answers them with index.html): `/` and `/province/<code>`.
 * The selected province lives in the address, so a drill-down can be shared and reloaded.
 */
export function provinceFromPath(pathname: string): string | undefined {
  return /^\/province\/(\d{2})\/?$/.exec(pathname)?.[1];
}

export function pathOf(provinceCode: string | undefined): string {
  return provinceCode ? `/province/${provinceCode}` : '/';
}

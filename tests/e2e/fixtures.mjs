// Shared test set-up: every page fails its test on a console error or an uncaught error,
// and helpers to read the figures and the data file.
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The test ids of the eleven figures, in order, as docs/model.md §7 gives them (the public
 * interface that links, embeds and tests rely on). */
export const TESTIDS = (() => {
  const model = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
  const list = model.match(/The selection's results carry these `data-testid`s[^:]*:\n([\s\S]*?)\.\n/);
  if (!list) throw new Error('docs/model.md §7 no longer lists the test ids of the figures');
  return [...list[1].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
})();

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await use(page);
    expect(problems, 'no errors in the browser console').toEqual([]);
  },
});

export { expect };

/** Opens the calculator (with an optional query) and waits until it has computed. */
export async function open(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('frictiekosten')).toHaveText(/^€\s/);
}

/** Waits until every section has come: no stand-in is left (`ui::split::lazy`). Sections built
 * after the figures take their place one by one, so a click aimed before then can land on
 * content that moved. `where` is the page or a frame. */
export async function settled(where) {
  await expect(where.locator('[data-testid^="laden-"]')).toHaveCount(0, { timeout: 20_000 });
}

/** The display text of every result, by test id, no-break spaces read as spaces (that
 * they are no-break spaces is layout.spec's concern). */
export async function figures(page) {
  const out = {};
  for (const id of TESTIDS) out[id] = (await page.getByTestId(id).textContent()).replace(/\u00a0/g, ' ');
  return out;
}

/** The rows of the data file as objects with numbers. */
export function dataRows() {
  const text = readFileSync(new URL('../../public/data/mee-budgetten-2014.csv', import.meta.url), 'utf8');
  return text.trim().split('\n').slice(1).map((line) => {
    const [, gemeente, jeugdregio, organisatie, co, ivh] =
      line.match(/^("[^"]*"|[^,]*),([^,]*),([^,]*),(\d+),(\d+)$/);
    return { gemeente: gemeente.replace(/"/g, ''), jeugdregio, organisatie, co: BigInt(co), ivh: BigInt(ivh) };
  });
}

/** "€ 1.234.567" for a whole number of euros given as a BigInt. */
export function euro(n) {
  const sign = n < 0n ? '−' : '';
  const digits = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${sign}${digits}`;
}

/** a / b rounded half away from zero, for non-negative BigInts. */
export function divRound(a, b) {
  return (2n * a + b) / (2n * b);
}

/**
 * The calculator as the specs see it, a page object as Leptos' own end-to-end tests have:
 * the fields, the table and the map several specs use, found as a person finds them (by
 * label and role), and the steps that open them. `on(page).inkoopCo.fill('300.000')`,
 * `await on(page).openMap('?mee=MEE%20Drenthe')`.
 */
export class CalculatorPage {
  constructor(page) {
    this.page = page;
  }

  /** The area's cliëntondersteuning fields: the change in percent and the 2015 inkoop. */
  get wijzigingCo() {
    return this.page.getByLabel('Wijziging cliëntondersteuning', { exact: true });
  }

  get inkoopCo() {
    return this.page.getByLabel('Inkoop cliëntondersteuning 2015', { exact: true });
  }

  /** The map's listbox, and the shape of one gemeente in it. */
  get map() {
    return this.page.getByRole('listbox', { name: /^Kaart van de gemeenten/ });
  }

  shape(naam) {
    return this.map.getByRole('option', { name: new RegExp(`^${naam}: `) });
  }

  /** Opens a link, scrolls to the map and waits for its 408 shapes. */
  async openMap(query = '') {
    await open(this.page, query);
    await this.page.getByTestId('kaart').scrollIntoViewIfNeeded();
    await expect(this.map.getByRole('option')).toHaveCount(408);
  }

  /** The per-gemeente table. */
  get gemeenten() {
    return this.page.getByTestId('gemeenten');
  }

  /** Opens the per-gemeente table if it starts folded, waits for its rows, and gives it. */
  async openTable() {
    const section = this.page.getByTestId('gemeenten-sectie');
    if (!(await section.evaluate((d) => d.open))) await section.locator('summary').click();
    await expect(this.gemeenten.locator('tbody tr').first()).toBeVisible();
    return this.gemeenten;
  }
}

/** The page object of a page (or a frame: its locators are the same). */
export const on = (page) => new CalculatorPage(page);

/** A displayed number ("€ 1.234", "−3,5%", "2.800,0") as a JS number. */
export const number = (text) =>
  Number(text.replace(/[€%\s\u00a0]/g, '').replace(/\./g, '').replace(',', '.').replace('−', '-'));

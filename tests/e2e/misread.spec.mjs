// Figures that cannot mislead: the map draws a small spread as one
// colour and says so; the afbouwpad says when a year rises, shows the net change beside the
// sum and says when a path year replaces own amounts; amounts that would be read as something
// else are asked about or said in words. Expected figures are computed here from the data
// file, never read back from the page.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, dataRows, euro, divRound, on } from './fixtures.mjs';

const nbsp = (s) => s.replace(/\u00a0/g, ' ');

/** The message shown for a field, found as its description says. */
async function messageOf(page, field) {
  const errorId = (await field.getAttribute('aria-describedby')).split(' ')[0];
  return page.locator(`[id="${errorId}"]`);
}

async function legend(page) {
  const items = await page.getByTestId('kaart-legenda').locator('li').allTextContents();
  return items.map(nbsp);
}

async function axe(page, selector) {
  const results = await new AxeBuilder({ page }).include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe('3. the map draws a small spread as one colour', () => {
  test('wijziging=-10: every gemeente between 6,33% and 6,47%, one class, and the summary says so', async ({ page }) => {
    await on(page).openMap('?wijziging=-10');
    expect(await legend(page)).toEqual(['geen daling (0 gemeenten)', '6,33% – 6,47% (408 gemeenten)']);
    const summary = page.getByTestId('kaart-samenvatting');
    await expect(summary).toHaveText(
      'Frictiekosten in % van het budget 2014: elke gemeente tussen 6,33% en 6,47%. '
      + 'Dat verschil is klein (minder dan 5% van het gemiddelde), dus de kaart geeft ze één kleur.',
    );
    const classes = await on(page).map.getByRole('option').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('class')))]);
    expect(classes).toEqual(['k1']);
    // Every value with the legend's precision: "6,40%", never "6,4%".
    const names = await on(page).map.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    for (const n of names) expect(n).toMatch(/: \d+,\d\d%$/);
    await page.getByRole('radio', { name: 'Omzetdaling', exact: true }).check();
    await expect(summary).toContainText('Dat verschil is klein');
    await expect(summary).not.toContainText('Het hoogst');
    await axe(page, '[data-testid="kaart"]');
  });

  test('one gemeente cutting deeper keeps its own class; the many alike stay one', async ({ page }) => {
    await on(page).openMap('?wijziging=-10&gemeenten=Assen:-40%25:-40%25');
    await page.getByRole('radio', { name: 'Omzetdaling', exact: true }).check();
    await expect(page.getByTestId('kaart-legenda').locator('li')).toHaveCount(3);
    const items = await legend(page);
    expect(items[2]).toBe('40,00% (1 gemeente)');
    expect(items[1]).toMatch(/^\d,\d\d% – \d,\d\d% \(407 gemeenten\)$/);
    await expect(on(page).shape('Assen')).toHaveAttribute('class', 'k2');
    await expect(on(page).shape('Emmen')).toHaveAttribute('class', 'k1');
    await expect(page.getByTestId('kaart-samenvatting')).toContainText('Het hoogst: Assen (40,00%)');
  });
});

// MEE Groningen's cliëntondersteuning of 2014, from the data file.
const groningenCo = dataRows().filter((r) => r.organisatie === 'MEE Groningen').reduce((sum, r) => sum + r.co, 0n);
/** `percent` % of MEE Groningen's cliëntondersteuning, in whole euros. */
const ofCo = (percent) => euro(divRound(groningenCo * percent, 100n));

test.describe('4. the afbouwpad says what its sum does not', () => {
  test('a year that rises is said, with the net change beside the sum', async ({ page }) => {
    await open(page, '?mee=MEE%20Groningen&wijziging=-25&pad_2016=-15&pad_2017=-20&pad_2018=-25');
    const pad = page.getByTestId('afbouwpad');
    await expect(pad).toHaveAttribute('open');
    const table = page.getByTestId('pad-tabel');
    // 25 % in 2015, up to −15 % in 2016, down 5 % in 2017 and in 2018: 35 % summed, 25 % net.
    await expect(table.getByRole('row', { name: /^Totaal 2015–2018/ })).toContainText(ofCo(35n));
    await expect(table.getByRole('row', { name: /^Netto 2014–2018/ })).toContainText(ofCo(25n));
    const note = page.getByTestId('pad-let-op');
    await expect(note).toHaveCount(1);
    await expect(note).toHaveText(
      'In 2016 stijgt de inkoop ten opzichte van het jaar ervoor. In dit model maakt een stijging de '
      + 'frictiekosten van eerdere jaren niet ongedaan: wie al is afgevloeid, komt niet terug, en een daling '
      + `daarna telt opnieuw als omzetdaling. Opgeteld is de omzetdaling 2015–2018 daarom ${ofCo(35n)}, meer dan `
      + `de netto daling van 2014 tot 2018 (${ofCo(25n)}).`,
    );
    await axe(page, '[data-testid="afbouwpad"]');
  });

  test('a path year that replaces own amounts per gemeente says so', async ({ page }) => {
    await open(page, '?mee=MEE%20Groningen&wijziging=-10&gemeenten=Groningen:1800000:&pad_2017=-20');
    await expect(page.getByTestId('pad-let-op')).toHaveText(
      'Vanaf 2017 zet het pad de cliëntondersteuning van elke gemeente van het gebied op hetzelfde percentage '
      + 'ten opzichte van 2014. De eigen bedragen van één gemeente (ingelezen of per gemeente ingevuld) gelden '
      + 'daarom alleen tot 2016.',
    );
  });

  test('a path that only goes down needs no note', async ({ page }) => {
    await open(page, '?mee=MEE%20Groningen&wijziging=-5&pad_2016=-10&pad_2017=-15&pad_2018=-20');
    await expect(page.getByTestId('pad-tabel').getByRole('row', { name: /^Netto 2014–2018/ })).toContainText(ofCo(20n));
    await expect(page.getByTestId('pad-let-op')).toHaveCount(0);
  });
});

test.describe('5. amounts that would be read as something else', () => {
  test('"1.2" in the inkoop field is asked about, not applied as € 1', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const field = on(page).inkoopCo;
    await field.fill('1.2');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const message = 'Bedoelt u 1,2? In het Nederlands scheidt een punt duizendtallen en is de komma het '
      + 'decimaalteken: 1,2 is € 1,20. Voor € 1.200.000: typ 1,2 mln.';
    await expect(await messageOf(page, field)).toHaveText(message);
    await expect(page.getByRole('button', { name: 'Ja, 1,2' })).toBeVisible();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await field.fill('1,2 mln');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('inkoop-2015')).toHaveText(euro(1200000n + dataRows().find((r) => r.gemeente === 'Groningen').ivh));
  });

  test('a rise shows its +, and says there is no omzetdaling and so no frictiekosten', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    const co = dataRows().find((r) => r.gemeente === 'Groningen').co;
    await on(page).inkoopCo.fill('2.300.000');
    await on(page).inkoopCo.press('Tab');
    // (2.300.000 / co − 1) × 100, to two decimals.
    const hundredths = divRound((2300000n - co) * 10000n, co);
    const shown = `+${hundredths / 100n},${String(hundredths % 100n).padStart(2, '0')}`;
    await expect(on(page).wijzigingCo).toHaveValue(shown);
    await expect(page.getByTestId('omzetdaling')).toHaveText('€ 0');
    await expect(page.getByTestId('geen-omzetdaling')).toHaveText(
      /^De inkoop 2015 is hoger dan het budget 2014 \(\+[\d,]+%\): er is geen omzetdaling, en dus zijn er geen frictiekosten\.$/,
    );
    // A path year with a rise shows its sign too.
    await page.getByTestId('afbouwpad').locator('summary').click();
    const year = page.getByLabel('Cliëntondersteuning 2016, wijziging t.o.v. 2014');
    await year.fill('5');
    await year.press('Tab');
    await expect(year).toHaveValue('+5');
  });

  test('the worked calculation says there is nothing to share, and names each table once', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=10');
    const worked = page.getByTestId('berekening');
    await worked.locator('> summary').click();
    const share = worked.getByRole('table', { name: /het deel van Groningen bij MEE Groningen/ });
    await expect(share.getByRole('row', { name: /^Aandeel/ })).toHaveText(/geen daling bij MEE Groningen, dus niets te verdelen\s*geen/);
    await expect(worked).not.toContainText('€ 0 ÷ € 0');
    // The heading names the table; no caption says it again.
    await expect(worked.locator('caption')).toHaveCount(0);
    for (const heading of await worked.locator('h3').allTextContents()) {
      await expect(worked.getByRole('table', { name: heading, exact: true })).toHaveCount(1);
    }
    await axe(page, '[data-testid="berekening"]');
  });

  test('the printed bandwidth says "tussen … en …"', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await expect(page.getByTestId('verslag')).toBeAttached();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const report = page.getByTestId('verslag');
    await expect(report).toContainText(/liggen de frictiekosten tussen €\s[\d.]+ en €\s[\d.]+, en de ongedekte frictiekosten tussen €\s[\d.]+ en €\s[\d.]+\./);
    await expect(report).not.toContainText(/tussen €\s[\d.]+\s–/);
  });
});

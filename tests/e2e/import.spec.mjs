// Bring your own figures (issue 18): amounts per gemeente read from a CSV file or from text
// pasted from Excel, previewed, and applied as one step that can be undone.
import { readFileSync } from 'node:fs';
import { test, expect, open } from './fixtures.mjs';

const section = (page) => page.getByTestId('inlezen');

async function downloadCsv(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

/** Sets the "inkoop 2015 cliëntondersteuning" cell of a gemeente's row in our own CSV. */
function withInkoop(csv, edits) {
  const lines = csv.split('\r\n');
  const header = lines.findIndex((l) => l.startsWith('gemeente;'));
  const column = lines[header].split(';').indexOf('inkoop 2015 cliëntondersteuning');
  return lines.map((line, i) => {
    if (i <= header) return line;
    const cells = line.split(';');
    if (cells[0] in edits) cells[column] = edits[cells[0]];
    return cells.join(';');
  }).join('\r\n');
}

async function chooseFile(page, name, content) {
  await section(page).getByLabel('Kies een CSV-bestand').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

test('round trip: export, change two amounts as in Excel, read back: the same figures as typing them', async ({ page, browser }) => {
  await open(page, '?regio=Drenthe&wijziging=-10');
  const csv = await downloadCsv(page, 'Download CSV (Drenthe)');
  await chooseFile(page, 'drenthe.csv', withInkoop(csv, { Assen: '700000,00', Emmen: '1200000,50' }));
  const preview = section(page).getByTestId('inlezen-voorbeeld');
  await expect(preview).toContainText('2 gemeenten krijgen een ander bedrag');
  await expect(preview.getByRole('table', { name: 'Wat verandert' }).getByRole('row', { name: /Assen/ })).toContainText('€ 700.000');
  // Nothing is applied before the button.
  const before = await page.getByTestId('frictiekosten').textContent();
  await section(page).getByRole('button', { name: '2 bedragen toepassen' }).click();
  await expect(page.getByTestId('ongedaan-maken')).toContainText('Bedragen van 2 gemeenten ingelezen uit ‘drenthe.csv’');
  const imported = await page.getByTestId('frictiekosten').textContent();
  expect(imported).not.toBe(before);

  // The same edits typed into the table, on a fresh page.
  const other = await browser.newPage();
  await open(other, '?regio=Drenthe&wijziging=-10');
  for (const [naam, amount] of [['Assen', '700.000'], ['Emmen', '1.200.000,50']]) {
    const cell = other.getByLabel(`Inkoop cliëntondersteuning 2015 ${naam}`, { exact: true });
    await cell.fill(amount);
    await cell.press('Enter');
  }
  await expect(other.getByTestId('frictiekosten')).toHaveText(imported);

  // One step: undo puts every amount back.
  await page.getByTestId('ongedaan-maken').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.getByTestId('frictiekosten')).toHaveText(before);
});

test('pasted from Excel: tabs, Dutch amounts, a near miss asked, bad rows listed by line', async ({ page }) => {
  await open(page, '?mee=MEE%20Drenthe');
  const text = 'Gemeente\tInkoop 2015\nAssen\t€ 700.000\nAsen\t1.000\nEmmen\t=SOM(B2:B3)\nCoevorden\t-10%\nNergensland\t5\n';
  await section(page).getByLabel('Of plak de kolommen uit Excel (met kopregel)').fill(text);
  await section(page).getByRole('button', { name: 'Geplakte tekst lezen' }).click();
  const preview = section(page).getByTestId('inlezen-voorbeeld');
  await expect(preview).toContainText('2 gemeenten krijgen een ander bedrag');
  const problems = preview.getByRole('table', { name: 'Regels die niet worden gebruikt' });
  await expect(problems.getByRole('row', { name: /^3 / })).toContainText('Bedoelt u ‘Assen’');
  await expect(problems.getByRole('row', { name: /^4 / })).toContainText('formule');
  await expect(problems.getByRole('row', { name: /^6 / })).toContainText('Nergensland');
  await section(page).getByRole('button', { name: 'Annuleren' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
});

test('hostile files are refused with a message and change nothing', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const error = section(page).getByTestId('inlezen-fout');
  await chooseFile(page, 'plaatje.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0x10]));
  await expect(error).toContainText('geen tekst');
  await chooseFile(page, 'groot.csv', 'gemeente;inkoop\n' + 'Assen;1\n'.repeat(140_000));
  await expect(error).toContainText('groter dan 1 MB');
  await chooseFile(page, 'geen-kolom.csv', 'plaats;bedrag\nAssen;5\n');
  await expect(error).toContainText('gemeente');
  await expect(section(page).getByTestId('inlezen-voorbeeld')).toHaveCount(0);
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
});

// Bring your own figures: amounts per gemeente read from a CSV file or from text
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

/** `text` as UTF-16 with a byte order mark, as Excel's "Unicode-tekst" saves a sheet
 * (little-endian), or big-endian. */
function utf16(text, bigEndian = false) {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
}

const EXCEL_UNICODE = 'gemeente\tinkoop 2015 cliëntondersteuning\tinkoop 2015 IVH\r\n'
  + 'Súdwest Fryslân\t1.000.000\t\r\nAssen\t700.000\t10.000\r\n';

for (const [what, bigEndian] of [['little-endian, as Excel saves "Unicode-tekst"', false], ['big-endian', true]]) {
  test(`a UTF-16 file with a byte order mark (${what}) and tabs is read as the text it is`, async ({ page }) => {
    await open(page);
    await chooseFile(page, 'unicode-tekst.txt', utf16(EXCEL_UNICODE, bigEndian));
    await expect(section(page).getByTestId('inlezen-fout')).toBeEmpty();
    const preview = section(page).getByTestId('inlezen-voorbeeld');
    await expect(preview).toContainText('2 gemeenten krijgen een ander bedrag');
    const changes = preview.getByRole('table', { name: 'Wat verandert' });
    await expect(changes.getByRole('row', { name: /Súdwest Fryslân/ })).toContainText('€ 1.000.000');
    await expect(changes.getByRole('row', { name: /Assen/ }).first()).toContainText('€ 700.000');
    await expect(changes.getByRole('row', { name: /Integrale Vroeghulp/ })).toContainText('€ 10.000');
    await expect(preview.getByRole('table', { name: 'Regels die niet worden gebruikt' })).toHaveCount(0);
    await expect(section(page).getByTestId('inlezen-codering')).toBeHidden();
  });
}

test('a UTF-8 file with one bad byte is read as Windows-1252, and the preview says so', async ({ page }) => {
  await open(page);
  const notice = section(page).getByTestId('inlezen-codering');
  const oneBad = (text, at) => Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0x80]), Buffer.from(text.slice(at))]);
  // The bad byte in a note beside the table: the names with accents come out wrong.
  const note = 'gemeente;inkoop 2015;opmerking\nSúdwest Fryslân;1.000.000;\nAssen;700.000;zie mail\n';
  await chooseFile(page, 'een-fout.csv', oneBad(note, note.length - 1));
  await expect(section(page).getByTestId('inlezen-voorbeeld')).toContainText('1 gemeente krijgt een ander bedrag');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Dit bestand is gelezen als Windows-1252 (geen geldige UTF-8); controleer of namen met accenten kloppen.');
  // With an accent in the header the columns are not found: the notice says why.
  const header = 'gemeente;inkoop 2015 cliëntondersteuning\nAssen;700.000\n';
  await chooseFile(page, 'kop.csv', oneBad(header, header.length - 1));
  await expect(section(page).getByTestId('inlezen-fout')).toContainText('Geen kolom met bedragen gevonden');
  await expect(notice).toContainText('gelezen als Windows-1252');
  // A valid file afterwards: no notice.
  await chooseFile(page, 'goed.csv', note);
  await expect(section(page).getByTestId('inlezen-voorbeeld')).toContainText('2 gemeenten krijgen een ander bedrag');
  await expect(notice).toBeHidden();
});

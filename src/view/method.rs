//! "Hoe rekenen we?" and the accessibility statement: static text, written once as markup
//! (the inside of their `<section>`s in `ui::sections::method`). No text from outside comes in, so
//! nothing here needs escaping; `tests/markup.rs` checks that the markup is well formed.

/// The model in plain Dutch, with its formulas and sources.
pub const METHOD: &str = concat!(
    r#"<h2 id="methode-titel" class="nl-heading nl-heading--level-2">Hoe rekenen we?</h2>"#,
    "<p>Frictiekosten ontstaan bij een MEE-organisatie als haar omzet daalt. Daarom rekenen we per ",
    "MEE-organisatie, met de som van alle gemeenten in haar werkgebied, en verdelen we de uitkomst ",
    "daarna over de gemeenten naar rato van hun daling. Een gemeente die méér inkoopt dan in 2014, ",
    "verkleint zo de frictiekosten van de andere gemeenten van dezelfde organisatie.</p>",
    r#"<ol class="method__steps">"#,
    "<li><strong>Omzetdaling</strong> = budget 2014 − inkoop 2015 (nooit minder dan €&nbsp;0)</li>",
    "<li><strong>Formatie 2014</strong> = budget 2014 ÷ kosten per fte</li>",
    "<li><strong>Fte-verlies</strong> = omzetdaling ÷ kosten per fte</li>",
    "<li><strong>Boventallige fte</strong> = fte-verlies − deel dat met het werk meegaat (mens volgt werk) − natuurlijk verloop ",
    "(hoogstens het verlooppercentage van de formatie aan het begin van het jaar: in 2015 de formatie 2014)</li>",
    "<li><strong>Frictiekosten personeel</strong> = fte boventallig × kosten per fte × maanden personeelskosten ÷ 12</li>",
    "<li><strong>Frictiekosten huisvesting</strong> = omzetdaling × aandeel huisvesting × maanden huisvesting ÷ 12</li>",
    "<li><strong>Dekking uit reserves</strong> = frictiekosten × aandeel reserves; de rest is ongedekt</li>",
    "</ol>",
    "<p>Alle bedragen worden exact berekend en pas bij het tonen afgerond op hele euro&#39;s en tienden van een fte. ",
    "Met de standaardaannames leidt een landelijke omzetdaling van €&nbsp;32 miljoen tot €&nbsp;20,8 miljoen ",
    "frictiekosten, waarvan 25% uit reserves: het beeld van de Voortgangsmonitor van 1 december 2014 ",
    "(‘c.a. €&nbsp;21 miljoen’, ‘slechts 25% uit reserves’).</p>",
    "<p>De budgetten 2014 komen uit de Handreiking Cliëntondersteuning (TransitieBureau Wmo, maart 2014), ",
    "Bijlage 5, gecontroleerd tegen Tabel 3. Het CVZ verwachtte dat de definitieve budgetten hoogstens 2% zouden afwijken. </p>",
    "<p>Bijlage 5 is opgesteld op de indeling van 1 januari 2013: 408 gemeenten. Een gemeente die later is gevormd ",
    "(De Friese Meren, Krimpenerwaard, Alphen aan den Rijn en de gemeenten van nu) vindt u onder haar eigen naam: ",
    "ze telt als de som van de gemeenten van 2013 waaruit ze is gevormd. Een gemeente van 2013 telt helemaal mee ",
    "bij de latere gemeente die meer dan de helft van haar oppervlakte kreeg, en bij geen andere; een kleiner deel ",
    "wordt genoemd maar telt niet mee.</p>",
    r#"<ul class="method__links">"#,
    r#"<li><a class="nl-link" href="data/mee-budgetten-2014.csv" download="mee-budgetten-2014.csv">Download de gegevens (CSV, 408 gemeenten)</a></li>"#,
    r#"<li><a class="nl-link" href="data/README.md">Herkomst en bewerking van de gegevens</a></li>"#,
    r#"<li><a class="nl-link" href="data/bron/handreiking-clientondersteuning-2014-tabel3-bijlage5.txt">Brontekst: Tabel 3 en Bijlage 5</a></li>"#,
    "</ul>",
    "<p>Alles wordt in uw browser berekend. Er worden geen gegevens verstuurd of bewaard, en er is geen tracking.</p>",
);

/// The accessibility statement, in the model Dutch government sites use
/// (digitoegankelijk.nl): the standard, the status and why, what does not comply yet, how
/// to report a problem, and the date. The status is honest: C until an independent
/// WCAG-EM audit has been done.
pub const ACCESSIBILITY: &str = concat!(
    // A soft hyphen: on a phone the word breaks where Dutch breaks it.
    r#"<h2 id="toegankelijkheid-titel" class="nl-heading nl-heading--level-2">Toegankelijkheids&shy;verklaring</h2>"#,
    r#"<p class="nl-paragraph">Iedereen moet deze rekenhulp kunnen gebruiken. Zij is gemaakt volgens de Web Content Accessibility "#,
    "Guidelines (WCAG) 2.1 op niveau A en AA, de norm voor overheidswebsites (EN 301 549).</p>",
    r#"<dl class="a11y-status">"#,
    "<dt>Status</dt>",
    "<dd><strong>C: eerste maatregelen genomen.</strong>",
    " Er is nog geen onderzoek door een onafhankelijke deskundige gedaan. Wel wordt bij elke wijziging ",
    "automatisch getest op alle WCAG 2.1 A- en AA-regels (met axe-core, op 360 en 1280 pixels breed), ",
    "met alleen het toetsenbord, bij 320 pixels breed en bij 200% zoom.</dd>",
    "<dt>Wat nog niet voldoet</dt>",
    r#"<dd><ul class="method__steps">"#,
    "<li>Er is nog niet getest met mensen die een schermlezer of vergroting gebruiken.</li>",
    "<li>De grafieken zijn afbeeldingen met een tekstbeschrijving; de volledige cijfers staan ",
    "onder ‘Toon als tabel’ bij elke grafiek.</li>",
    "<li>Ingebed in een kader op een andere website hangt de toegankelijkheid ook af van die ",
    "website: de titel van het kader en de ruimte eromheen.</li>",
    "</ul></dd>",
    "<dt>Contact</dt>",
    "<dd>Loopt u ergens tegenaan? Meld het bij de beheerder van de website waarop u deze rekenhulp ",
    "gebruikt, met de link naar uw berekening en wat u probeerde te doen.</dd>",
    "<dt>Datum</dt>",
    "<dd>Deze verklaring is opgesteld op 24 november 2026.</dd>",
    "</dl>",
);

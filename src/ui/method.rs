//! "Hoe rekenen we?": the model in plain Dutch, with its formulas and sources.

use leptos::prelude::*;

#[component]
pub fn Method() -> impl IntoView {
    view! {
        <section class="method" aria-labelledby="methode-titel">
            <h2 id="methode-titel">"Hoe rekenen we?"</h2>
            <p>
                "Frictiekosten ontstaan bij een MEE-organisatie als haar omzet daalt. Daarom rekenen we per "
                "MEE-organisatie, met de som van alle gemeenten in haar werkgebied, en verdelen we de uitkomst "
                "daarna over de gemeenten naar rato van hun daling. Een gemeente die méér inkoopt dan in 2014, "
                "verkleint zo de frictiekosten van de andere gemeenten van dezelfde organisatie."
            </p>
            <ol class="method__steps">
                <li><strong>"Omzetdaling"</strong>" = budget 2014 − inkoop 2015 (nooit minder dan € 0)"</li>
                <li><strong>"Formatie 2014"</strong>" = budget 2014 ÷ kosten per fte"</li>
                <li><strong>"Fte-verlies"</strong>" = omzetdaling ÷ kosten per fte"</li>
                <li>
                    <strong>"Boventallige fte"</strong>
                    " = fte-verlies − deel dat met het werk meegaat (mens volgt werk) − natuurlijk verloop "
                    "(hoogstens het verlooppercentage van de formatie 2014)"
                </li>
                <li><strong>"Frictiekosten personeel"</strong>" = fte boventallig × kosten per fte × maanden personeelskosten ÷ 12"</li>
                <li><strong>"Frictiekosten huisvesting"</strong>" = omzetdaling × aandeel huisvesting × maanden huisvesting ÷ 12"</li>
                <li><strong>"Dekking uit reserves"</strong>" = frictiekosten × aandeel reserves; de rest is ongedekt"</li>
            </ol>
            <p>
                "Alle bedragen worden exact berekend en pas bij het tonen afgerond op hele euro's en tienden van een fte. "
                "Met de standaardaannames leidt een landelijke omzetdaling van € 32 miljoen tot € 20,8 miljoen "
                "frictiekosten, waarvan 25% uit reserves: het beeld van de Voortgangsmonitor van 1 december 2014 "
                "(‘c.a. € 21 miljoen’, ‘slechts 25% uit reserves’)."
            </p>
            <p>
                "De budgetten 2014 komen uit de Handreiking Cliëntondersteuning (TransitieBureau Wmo, maart 2014), "
                "Bijlage 5, gecontroleerd tegen Tabel 3. Het CVZ verwachtte dat de definitieve budgetten hoogstens 2% zouden afwijken. "
            </p>
            <ul class="method__links">
                <li><a href="data/mee-budgetten-2014.csv" download="mee-budgetten-2014.csv">"Download de gegevens (CSV, 408 gemeenten)"</a></li>
                <li><a href="data/README.md">"Herkomst en bewerking van de gegevens"</a></li>
                <li><a href="data/bron/handreiking-clientondersteuning-2014-tabel3-bijlage5.txt">"Brontekst: Tabel 3 en Bijlage 5"</a></li>
            </ul>
            <p>"Alles wordt in uw browser berekend. Er worden geen gegevens verstuurd of bewaard, en er is geen tracking."</p>
        </section>
    }
}

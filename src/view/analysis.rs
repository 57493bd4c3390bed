//! The bandbreedte beside the results (docs/model.md §9), as markup.

use crate::model::analysis::Range;
use crate::text::format;
use crate::view::html::escape;

/// "€ 1.234 – € 5.678".
fn shown(r: Range) -> String {
    format::range(&format::euro(r.low), &format::euro(r.high))
}

/// The range of frictiekosten and of ongedekt over the uncertain assumptions, and what it
/// means (`bandbreedte-frictiekosten`, `bandbreedte-ongedekt`).
pub fn bandbreedte_markup(frictiekosten: Range, ongedekt: Range) -> String {
    format!(
        concat!(
            r#"<p class="bandbreedte__line">Bandbreedte frictiekosten: <strong data-testid="bandbreedte-frictiekosten">{}</strong></p>"#,
            r#"<p class="bandbreedte__line">Bandbreedte ongedekt: <strong data-testid="bandbreedte-ongedekt">{}</strong></p>"#,
            r#"<p class="result__uitleg">De aannames zijn schattingen. Met de lage en hoge waarden van de onzekere aannames (maanden "#,
            "personeel, aandeel en maanden huisvesting, reserves) ligt de uitkomst binnen deze band. De kosten ",
            "per fte veranderen alleen de fte-cijfers, niet de bedragen: zie ‘Zo is dit berekend’.</p>"
        ),
        escape(&shown(frictiekosten)),
        escape(&shown(ongedekt))
    )
}

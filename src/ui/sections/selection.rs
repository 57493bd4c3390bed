//! What the chosen area is: its 2014 budget, its organisation(s), its formation; and, where
//! it spans several MEE-organisaties, its share of each.

use leptos::prelude::*;

use crate::model::selection::Selection;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::table::{class, data_table, sort_header};
use crate::view::area::summary_markup;
use crate::view::outside::{self, outside};
use crate::view::ranking::OrgColumn;
use crate::view::ranking::OrgTable;

#[component]
pub fn SelectionSummary() -> impl IntoView {
    let calc = use_calculator();
    let summary = move || calc.figures.with(|f| summary_markup(calc.data, calc.selection.get(), f));
    view! {
        <section class="summary" aria-labelledby="gebied-titel" data-testid="selectie">
            <div inner_html=summary></div>
            <OokGewijzigd />
        </section>
    }
}

/// Edits outside the chosen area that stay in force, said with the area (at the top, next
/// to the figures on a wide screen, above the fields on a phone): those in the same
/// MEE-organisatie change its figures (see `crate::view::outside`). In print too; the CSV lists them.
#[component]
fn OokGewijzigd() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let list = Memo::new(move |_| calc.later.with_inputs(|i| outside(data, i, 6)));
    let area = move || calc.later.selection().naam(data).to_string();
    view! {
        <div class="ook-gewijzigd" data-testid="ook-gewijzigd" hidden=move || list.with(|l| l.gemeenten == 0)>
            <div inner_html=move || list.with(|l| outside::markup(l, &area()))></div>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| calc.clear_outside()>
                "Wijzigingen buiten " <span translate="no">{area}</span> " wissen"
            </button>
        </div>
    }
}

/// Frictiekosten arise per organisation; this shows the selection's share of each one it
/// touches, and each organisation's own total where that differs, so an offset elsewhere is
/// visible. Sortable by every column, starting with the hardest hit as a share of budget;
/// the sentence under it says whether that share differs at all (`view::ranking`).
#[component]
pub fn OrganisatieSplit() -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let table = Memo::new(move |_| calc.later.with_outcome(|o| OrgTable::new(data, o, calc.later.selection())));
    // The headers change with the columns only, not with every figure.
    let wholly = Memo::new(move |_| table.with(|t| t.wholly));
    // The order as the person set it: the session's, so that a link keeps it.
    let sort = calc.shown(|w| w.sorteer_mee);
    let several = move || table.with(|t| t.rows.len() > 1);
    let area = move || match calc.later.selection() {
        Selection::Nederland => String::new(),
        s => format!(": {}", s.naam(data)),
    };
    let header = move |column: OrgColumn, wholly: bool| {
        let state = Signal::derive(move || {
            let sort = table.with(|t| t.effective(sort.get()));
            (sort.aria(column), sort.icon(column))
        });
        let on_click = move || {
            let clicked =
                table.with_untracked(|t| t.effective(sort.get_untracked())).clicked(column, column.first_direction());
            calc.show(|w| w.sorteer_mee = clicked);
        };
        sort_header(column.numeric(), column.label(wholly), state, on_click)
    };
    // Read-only figures: markup from the view layer.
    let body = move || table.with(|t| t.body_markup(data, sort.get()));
    view! {
        <section class="split" aria-labelledby="split-titel">
            <h2 id="split-titel" class="nl-heading nl-heading--level-2">"Per MEE-organisatie" <span translate="no">{area}</span></h2>
            <p class="section-intro nl-paragraph">
                "Frictiekosten ontstaan bij de MEE-organisatie: een hogere inkoop bij de ene gemeente "
                "verkleint de daling die een lagere inkoop bij een andere gemeente van dezelfde organisatie veroorzaakt. "
                {move || if several() { "Dit gebied valt onder meerdere organisaties." } else { "" }}
            </p>
            {data_table("split", "split-titel", class::TABLE, view! {
                <thead class=class::HEAD>
                    <tr class=class::ROW>
                        {move || {
                            let wholly = wholly.get();
                            OrgColumn::shown(wholly).iter().map(|&c| header(c, wholly)).collect_view()
                        }}
                    </tr>
                </thead>
                <tbody class=class::BODY translate="no" inner_html=body></tbody>
            })}
            <p class="split__samenvatting nl-paragraph" data-testid="split-samenvatting">
                {move || table.with(|t| t.summary(data)).unwrap_or_default()}
            </p>
        </section>
    }
}

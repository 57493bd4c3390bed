//! The gemeenten of a jeugdregio, organisation or Nederland: 2014, 2015 (editable per
//! gemeente), change, attributed frictiekosten (also as % of the 2014 budget) and fte;
//! sortable by every column, filtered by name, grouped by MEE-organisatie if asked; shown a
//! page of rows at a time (`view::table::PAGE_SIZE`), so that typing with the table open
//! updates tens of rows, not 408.

use leptos::prelude::*;

use crate::model::calculation::Figures;
use crate::model::data::{GemeenteId, Line, OrganisatieId};
use crate::model::params::Unit;
use crate::model::selection::Selection;
use crate::model::weergave::{Fold, MAX_FILTER, Sort};
use crate::text::format;
use crate::text::input;
use crate::ui::browser;
use crate::ui::state::calculator::use_calculator;
use crate::ui::widgets::field::FieldState;
use crate::ui::widgets::field::{Keyboard, NumberField};
use crate::ui::widgets::table::{class, data_table, labelled, row_header, sort_header};
use crate::view::table::{
    self, Column, aandeel, blocks, change, filter, filter_status, group_heading, order, page_count, page_status,
};

/// Above this many gemeenten the table starts folded: even paged it is long to scroll past.
const OPEN_UP_TO: usize = 60;

// Each cell's column, for the card layout on a phone (`labelled`).
const BUDGET: &str = Column::Budget2014.label();
const INKOOP: &str = Column::Inkoop2015.label();
const WIJZIGING: &str = Column::Wijziging.label();
const FRICTIEKOSTEN: &str = Column::Frictiekosten.label();
const AANDEEL: &str = Column::FrictiekostenAandeel.label();
const FTE: &str = Column::FteVerlies.label();

// The pager above the table: its buttons take the focus from those under it (see `pager`).
const VORIGE: &str = "gemeenten-vorige";
const VOLGENDE: &str = "gemeenten-volgende";

/// The table for every area but a single gemeente; rebuilt when the area changes.
#[component]
pub fn GemeentenTable() -> impl IntoView {
    let calc = use_calculator();
    move || match calc.later.selection() {
        Selection::Gemeente(_) => ().into_any(),
        selection => {
            let usual = selection.gemeenten(calc.data).len() <= OPEN_UP_TO;
            view! { <GemeentenSection usual=usual selection=selection /> }.into_any()
        }
    }
}

/// `usual`: whether the table opens by itself for this area. What it shows and how it is
/// ordered are the session's (`model::weergave`), so a link keeps them.
#[component]
fn GemeentenSection(usual: bool, selection: Selection) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let members = StoredValue::new(selection.gemeenten(data));
    let total = members.with_value(Vec::len);
    let several_orgs = selection.organisaties(data).len() > 1;
    let open = Memo::new(move |_| calc.with(|s| s.weergave.is_open(Fold::Gemeenten, usual)));
    let line = calc.shown(|w| w.bedragen);
    let sort = calc.shown(|w| w.sorteer);
    let query = calc.shown(|w| w.filter.clone());
    let by_organisatie = calc.shown(|w| w.groep);
    // The order follows the sort column's values at the moment of sorting, not while a
    // person types in a row: a row must not move away under the cursor.
    let sorted = Memo::new(move |_| {
        let (Sort { column, direction }, line) = (sort.get(), line.get());
        calc.epoch.track();
        members.with_value(|m| calc.later.with_outcome_untracked(|o| order(o, m, line, column, direction)))
    });
    let rows = Memo::new(move |_| sorted.with(|r| query.with(|q| filter(data, r, q))));
    // The page shown: back to the first whenever the rows are ordered, filtered or grouped
    // anew by the person (a sort shows the top of the new order); kept while typing, which
    // reorders nothing. Past the last page (fewer rows after a preset), the last.
    let page = RwSignal::new(0usize);
    let pages = move || rows.with(|r| page_count(r.len()));
    let current = move || page.get().min(pages() - 1);
    // The bodies on the page: a memo of the rows' order, not of their figures, so a keystroke
    // adds or removes no row.
    let shown = Memo::new(move |_| rows.with(|r| table::page(&blocks(data, r, by_organisatie.get()), current())));
    let group_keys = move || shown.with(|b| b.iter().map(|b| b.organisatie).collect::<Vec<_>>());
    let block = move |key: Option<OrganisatieId>| shown.with(|b| b.iter().find(|b| b.organisatie == key).cloned());
    let on_filter = move |ev: leptos::ev::Event| {
        page.set(0);
        calc.show(|w| w.set_filter(&event_target_value(&ev)));
    };
    let on_group = move |_| {
        page.set(0);
        calc.show(|w| w.groep = !w.groep);
    };
    // "Vorige" and "Volgende", above the table and under it. Under it, a press also brings the
    // new page's first rows into view: the focus moves to the same button above the table,
    // so pressing it again turns the next page, and Tab leads into the new rows.
    let pager = move |above: bool| {
        let turn = move |to: Option<usize>, id: &'static str| {
            if let Some(to) = to.filter(|&to| to < pages()) {
                page.set(to);
                if !above {
                    browser::show(id);
                }
            }
        };
        let (vorige, volgende) = if above { (Some(VORIGE), Some(VOLGENDE)) } else { (None, None) };
        view! {
            <nav class="pager" aria-label=if above { "Pagina’s van de tabel, boven" } else { "Pagina’s van de tabel, onder" } hidden=move || pages() < 2>
                <button
                    type="button"
                    id=vorige
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-disabled=move || (current() == 0).then_some("true")
                    on:click=move |_| turn(current().checked_sub(1), VORIGE)
                >
                    "Vorige"
                </button>
                <span class="pager__pagina">{move || format!("Pagina {} van {}", current() + 1, pages())}</span>
                <button
                    type="button"
                    id=volgende
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-disabled=move || (current() + 1 >= pages()).then_some("true")
                    on:click=move |_| turn(Some(current() + 1), VOLGENDE)
                >
                    "Volgende"
                </button>
            </nav>
        }
    };
    let filtering = move || query.with(|q| !q.trim().is_empty());
    let show_org = move || several_orgs && !by_organisatie.get();
    let line_name = move || match line.get() {
        Line::Co => "cliëntondersteuning",
        Line::Ivh => "Integrale Vroeghulp",
    };
    let header = move |column: Column| {
        let state = Signal::derive(move || {
            let s = sort.get();
            (s.aria(column), s.icon(column))
        });
        let on_click = move || {
            page.set(0);
            calc.show(|w| w.sorteer = w.sorteer.clicked(column, column.first_direction()));
        };
        sort_header(column != Column::Gemeente, column.label(), state, on_click)
    };
    // The totals of all the rows, not only the page's: the area's, and while a filter is on
    // first those of the rows it keeps. Markup from the view layer: read-only.
    let foot = move || {
        let line = line.get();
        let area = calc.later.figures();
        let area_change = calc.later.with_scenario(|s| s.percent_of(data, selection, line));
        let kept = rows.with(|r| {
            filtering()
                .then(|| (r.len(), calc.later.with_outcome(|o| r.iter().map(|&g| *o.gemeente(g)).sum::<Figures>())))
        });
        table::foot_markup(line, show_org(), kept.as_ref().map(|(n, f)| (*n, f)), &area, area_change, total)
    };

    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(is_open) = browser::details_open(&ev) {
            calc.show(|w| w.set_open(Fold::Gemeenten, is_open, usual));
        }
    };
    view! {
        <details class="gemeenten" id="per-gemeente" prop:open=move || open.get() on:toggle=on_toggle data-testid="gemeenten-sectie">
            <summary>
                <h2 id="gemeenten-titel" class="nl-heading nl-heading--level-2">
                    "Per gemeente (" <span translate="no">{total}</span> ")"
                </h2>
            </summary>
                <p class="section-intro nl-paragraph">
                    "Pas de inkoop 2015 van één gemeente aan in de tabel. Frictiekosten en fte zijn het "
                    "aandeel van de gemeente in die van haar MEE-organisatie, naar rato van haar daling."
                </p>
                <fieldset class="toggle utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">"Bedragen in de tabel"</legend>
                    <label>
                        <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" name="tabel-lijn" prop:checked=move || line.get() == Line::Co on:change=move |_| calc.show(|w| w.bedragen = Line::Co) />
                        "Cliëntondersteuning"
                    </label>
                    <label>
                        <input type="radio" class="utrecht-radio-button utrecht-radio-button--html-input" name="tabel-lijn" prop:checked=move || line.get() == Line::Ivh on:change=move |_| calc.show(|w| w.bedragen = Line::Ivh) />
                        "Integrale Vroeghulp"
                    </label>
                </fieldset>
                <div class="gemeenten__zoek">
                    <div class="gemeenten__filter">
                        <label for="gemeenten-filter" class="utrecht-form-label">"Filter op naam"</label>
                        <input
                            id="gemeenten-filter"
                            type="search"
                            class="utrecht-textbox utrecht-textbox--html-input"
                            autocomplete="off"
                            spellcheck="false"
                            maxlength=MAX_FILTER
                            aria-describedby="gemeenten-gevonden"
                            prop:value=move || query.get()
                            on:input=on_filter
                        />
                    </div>
                    {several_orgs.then(|| view! {
                        <label class="gemeenten__groeperen">
                            <input type="checkbox" prop:checked=move || by_organisatie.get() on:change=on_group />
                            "Groeperen per MEE-organisatie"
                        </label>
                    })}
                </div>
                <p id="gemeenten-gevonden" class="gemeenten__gevonden" role="status" data-testid="gemeenten-gevonden">
                    {move || rows.with(|r| query.with(|q| filter_status(q, r.len(), total)))}
                </p>
                <Show when=move || open.get()>
                <div class="pager__boven">
                    {pager(true)}
                    <p class="pager__status" role="status" data-testid="gemeenten-pagina">
                        {move || if pages() > 1 { rows.with(|r| page_status(current(), r.len())) } else { String::new() }}
                    </p>
                </div>
                {data_table("gemeenten", "gemeenten-titel", class::TABLE_GEMEENTEN, view! {
                        // The line is named once here, not in three headings that made the
                        // table wider than its column.
                        <caption class="table__caption">
                            "Budget, inkoop en wijziging: " {line_name} ". Frictiekosten, hun % van het budget 2014 "
                            "en fte-verlies: beide onderdelen samen."
                        </caption>
                        <thead class=class::HEAD>
                            <tr class=class::ROW>
                                {header(Column::Gemeente)}
                                {move || show_org().then(|| view! { <th scope="col" class=class::COLUMN_HEADER>"MEE-organisatie"</th> })}
                                {Column::ALL[1..].iter().map(|&c| header(c)).collect_view()}
                            </tr>
                        </thead>
                        <For
                            each=group_keys
                            key=|o| *o
                            let(o)
                        >
                            <tbody class=class::BODY translate="no">
                                {o.map(|o| view! {
                                    <tr class="utrecht-table__row gemeenten__groep">
                                        <th scope="rowgroup" colspan=Column::ALL.len() class=class::ROW_HEADER>
                                            {data.organisatie(o).naam.clone()}
                                            <span class="gemeenten__aantal">
                                                {move || block(Some(o)).map(|b| group_heading(&b)).unwrap_or_default()}
                                            </span>
                                        </th>
                                    </tr>
                                })}
                                <For
                                    each=move || block(o).map(|b| b.rows).unwrap_or_default()
                                    key=|g| *g
                                    let(g)
                                >
                                    <GemeenteRow g=g line=line show_org=several_orgs && o.is_none() />
                                </For>
                            </tbody>
                        </For>
                        <tfoot class=class::FOOT translate="no" inner_html=foot></tfoot>
                })}
                {pager(false)}
                </Show>
        </details>
    }
}

#[component]
fn GemeenteRow(g: GemeenteId, line: Memo<Line>, show_org: bool) -> impl IntoView {
    let calc = use_calculator();
    let data = calc.data;
    let gemeente = data.gemeente(g);
    let naam = gemeente.naam.clone();
    // A memo: of the rows on the page only those whose figures changed are redrawn.
    let figures = Memo::new(move |_| calc.later.with_outcome(|o| *o.gemeente(g)));
    let inkoop_text =
        Signal::derive(move || format::for_input(figures.with(|f| f.inkoop_2015.get(line.get())), Unit::Euro));
    // An amount, or a change against 2014 with its %-sign ("-10%"), as in `gemeenten=` links.
    let apply = move |text: String| {
        let line = line.get_untracked();
        let amount = input::gemeente_amount(&text, gemeente.budget_2014.get(line)).map_err(|e| e.to_string())?;
        calc.set_gemeente(g, line, amount)
    };
    let label = {
        let naam = naam.clone();
        move || match line.get() {
            Line::Co => format!("Inkoop cliëntondersteuning 2015 {naam}"),
            Line::Ivh => format!("Inkoop Integrale Vroeghulp 2015 {naam}"),
        }
    };
    view! {
        <tr class=class::ROW>
            {row_header(naam)}
            {show_org.then(|| labelled(false, "MEE-organisatie", data.organisatie(gemeente.organisatie).naam.clone()))}
            {labelled(true, BUDGET, Signal::derive(move || format::euro(gemeente.budget_2014.get(line.get()))))}
            <td class=class::NUMERIC_CELL class:cell-input=true data-label=INKOOP>
                // Rebuilt when the line changes, so text typed for one line is not kept for the other.
                {move || {
                    line.track();
                    let field = FieldState::new();
                    view! {
                        <NumberField
                            id=format!("tabel-inkoop-{}", g.index())
                            label=label()
                            value=inkoop_text
                            state=field
                            apply=apply
                            prefix=Some("€")
                            hidden_label=true
                            keyboard=Some(Keyboard::Text)
                        />
                    }
                }}
            </td>
            {labelled(true, WIJZIGING, Signal::derive(move || figures.with(|f| format::percent_change(change(f, line.get())))))}
            {labelled(true, FRICTIEKOSTEN, Signal::derive(move || figures.with(|f| format::euro(f.frictiekosten))))}
            {labelled(true, AANDEEL, Signal::derive(move || figures.with(|f| format::percent(aandeel(f)))))}
            {labelled(true, FTE, Signal::derive(move || figures.with(|f| format::fte(f.fte_verlies))))}
        </tr>
    }
}

//! The read-only panels as markup (`view::html` and the writers that use it): whatever a
//! name holds, from a link, storage, an imported file or the data file, what reaches the
//! page through `inner_html` is the markup the writer meant, with the name as text. Hostile
//! names go in: a script element, quotes that would end an attribute, `&`, bidirectional
//! controls, line breaks. The output must parse as the writers' own elements and
//! attributes, with no handler attribute and no bidirectional control left; and a few
//! positive checks say that the right figures and labels are there.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use mee_frictiekosten::model::analysis::Range;
use mee_frictiekosten::model::calculation::{Figures, calculate};
use mee_frictiekosten::model::data::{Dataset, Line};
use mee_frictiekosten::model::inputs::Inputs;
use mee_frictiekosten::model::params::Parameters;
use mee_frictiekosten::model::scenario::{Change, Scenario};
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::text::format;
use mee_frictiekosten::view::analysis::bandbreedte_markup;
use mee_frictiekosten::view::area::summary_markup;
use mee_frictiekosten::view::chart::{self, Bar, Chart, Fill, Row, Share};
use mee_frictiekosten::view::compare::{self, InputRow};
use mee_frictiekosten::view::html::{self, escape};
use mee_frictiekosten::view::method::{ACCESSIBILITY, METHOD};
use mee_frictiekosten::view::pad::PathFigures;
use mee_frictiekosten::view::ranking::{OrgColumn, OrgTable};
use mee_frictiekosten::view::report::{Stamp, report};
use mee_frictiekosten::view::table::foot_markup;
use mee_frictiekosten::view::worked::worked;

/// Names as a link, a stored scenario or an imported file may hold them.
const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' x='",
    "Tom & Jerry &amp; co",
    "Gemeente\u{202E}draob\u{2066}x\u{2069}",
    "Eerste regel\nTweede regel\r\n<img src=x onerror=alert(1)>",
];

const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}',
];

/// Elements the writers use; anything else in the output came from a name.
const ELEMENTS: [&str; 29] = [
    "a", "bdi", "br", "caption", "dd", "div", "dl", "dt", "h2", "h3", "li", "line", "ol", "p", "rect", "section",
    "span", "strong", "svg", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "em", "abbr",
];

/// Parses `html` as the writers write it: elements from [`ELEMENTS`], attributes `name="…"`
/// without `<` or `"` in the value and none of them a handler (`on…`), text without `<`,
/// `>` or quotes, every `&` the start of a character reference, every element closed in
/// order (`br` and SVG's `…/>` close themselves), and no control or bidirectional
/// formatting character but the line break. Panics with the place that is wrong.
fn assert_well_formed(html: &str) {
    let bad = html.chars().find(|&c| BIDI.contains(&c) || (c.is_control() && c != '\n'));
    assert!(bad.is_none(), "a control character {bad:?} got through: {html}");
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    let text_ok = |text: &str| {
        assert!(!text.contains(['>', '"', '\'']), "unescaped text `{text}` in {html}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i + 1..];
            let end = entity.find(';').unwrap_or_else(|| panic!("a bare & in `{text}` in {html}"));
            let name = &entity[..end];
            let ok = (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
                || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            assert!(ok, "a bare & in `{text}` in {html}");
        }
    };
    while let Some(start) = rest.find('<') {
        text_ok(&rest[..start]);
        rest = &rest[start + 1..];
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        let name = &rest[..name_end];
        assert!(ELEMENTS.contains(&name), "an element `<{name}` the writers do not write, in {html}");
        rest = &rest[name_end..];
        if closing {
            assert!(rest.starts_with('>'), "a malformed closing tag `</{name}` in {html}");
            assert_eq!(open.pop(), Some(name), "`</{name}>` closes what is not open, in {html}");
            rest = &rest[1..];
            continue;
        }
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix("/>") {
                rest = after;
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                if name != "br" {
                    open.push(name);
                }
                break;
            }
            let attr_end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
            let attr = &rest[..attr_end];
            assert!(!attr.is_empty(), "garbage in the tag `<{name}`: `{}` in {html}", &rest[..rest.len().min(40)]);
            assert!(!attr.to_ascii_lowercase().starts_with("on"), "a handler attribute `{attr}` in {html}");
            rest = &rest[attr_end..];
            if let Some(after) = rest.strip_prefix("=\"") {
                let value_end = after.find('"').unwrap_or_else(|| panic!("an unclosed attribute `{attr}` in {html}"));
                let value = &after[..value_end];
                assert!(!value.contains('<'), "a `<` in the attribute `{attr}` in {html}");
                text_ok(value);
                rest = &after[value_end + 1..];
            }
        }
    }
    text_ok(rest);
    assert!(open.is_empty(), "{open:?} left open in {html}");
}

/// The hostile names are in the output, escaped: none lost, none raw.
fn assert_names_escaped(html: &str, names: &[&str]) {
    assert_well_formed(html);
    for name in names {
        let escaped = escape(name);
        assert!(html.contains(&escaped), "`{escaped}` is missing from {html}");
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    assert!(!html.to_ascii_lowercase().contains("<img"), "{html}");
}

/// A table of three gemeenten under two organisations and one jeugdregio, every name
/// hostile, in the data file's format (quotes doubled, line breaks inside quotes).
fn hostile_data() -> Dataset {
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let org_a = "MEE \"Evil\" & 'co' <b>\u{202E}";
    let org_b = "<script>alert('org')</script>";
    let regio = "Regio <i>\u{2066}x\u{2069}";
    let rows =
        [(HOSTILE[0], org_a, 100_000, 2_000), (HOSTILE[1], org_a, 200_000, 3_000), (HOSTILE[5], org_b, 300_000, 4_000)];
    let mut csv = String::from("gemeente,jeugdregio,mee_organisatie,budget_co_2014,budget_ivh_2014\n");
    for (naam, org, co, ivh) in rows {
        csv += &format!("{},{},{},{co},{ivh}\n", quoted(naam), quoted(regio), quoted(org));
    }
    Dataset::parse_csv(&csv).expect("a hostile but valid data file")
}

/// The hostile data with every gemeente cut by a different share.
fn hostile_inputs(data: &Dataset, selection: Selection) -> Inputs {
    let mut inputs = Inputs { selection, ..Inputs::new(data) };
    for (i, g) in data.gemeente_ids().enumerate() {
        let percent = Decimal::from(-10 - 15 * i as i64);
        inputs.scenario.apply(data, Selection::Gemeente(g), Line::Co, Change::Percent(percent)).unwrap();
    }
    inputs
}

/// The organisation with two of the three gemeenten.
fn evil(data: &Dataset) -> Selection {
    Selection::Organisatie(data.organisatie_ids().find(|&o| data.organisatie(o).gemeenten.len() == 2).unwrap())
}

#[test]
fn escape_leaves_no_markup_and_no_bidi_control() {
    for name in HOSTILE {
        let escaped = escape(name);
        assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        assert!(!escaped.contains(BIDI), "{escaped:?}");
        assert_well_formed(&format!(r#"<p title="{escaped}">{escaped}</p>"#));
    }
    assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
    assert_eq!(escape("x\u{202E}y\u{2066}z\u{2069}"), "xyz");
    assert_eq!(escape("een\ntwee\r\n"), "een\ntwee\n");
}

#[test]
fn the_table_writers_escape_captions_headers_and_cells() {
    let rows: Vec<(String, Vec<String>)> =
        HOSTILE.iter().map(|n| (n.to_string(), vec![n.to_string(), "€ 1.234".to_string()])).collect();
    let table = html::table(HOSTILE[0], &[HOSTILE[1], HOSTILE[2], "Bedrag"], &[false, true], &rows);
    assert_names_escaped(&table, &HOSTILE);
    assert!(table.contains(r#"<td class="utrecht-table__cell utrecht-table__cell--numeric-data num">€ 1.234</td>"#));
    let row = html::labelled_row(HOSTILE[3], &["", HOSTILE[1]], &[String::new(), HOSTILE[4].to_string()]);
    assert_names_escaped(&row, &[HOSTILE[3], HOSTILE[1], HOSTILE[4]]);
    let wrapped = html::data_table(HOSTILE[1], HOSTILE[2], "table", &html::body(&[true], &rows));
    assert_names_escaped(&wrapped, &HOSTILE);
}

#[test]
fn the_organisation_table_escapes_organisation_names() {
    let data = hostile_data();
    let inputs = hostile_inputs(&data, Selection::Nederland);
    let table = OrgTable::new(&data, &inputs.outcome(&data), Selection::Nederland);
    let body = table.body_markup(&data, OrgColumn::DEFAULT);
    let names: Vec<&str> = data.organisatie_ids().map(|o| data.organisatie(o).naam.as_str()).collect();
    assert_names_escaped(&body, &names);
    assert_eq!(body.matches("<tr ").count(), 2);
}

#[test]
fn the_area_summary_and_the_gemeenten_foot_are_well_formed_and_say_their_figures() {
    let data = hostile_data();
    let inputs = hostile_inputs(&data, Selection::Nederland);
    let outcome = inputs.outcome(&data);
    for selection in [Selection::Nederland, evil(&data)] {
        let naam = selection.naam(&data).to_string();
        assert_names_escaped(&summary_markup(&data, selection, &outcome.selection(&data, selection)), &[&naam]);
    }
    let area = outcome.selection(&data, Selection::Nederland);
    let one = *outcome.gemeente(data.gemeente_ids().next().unwrap());
    let foot = foot_markup(Line::Co, true, Some((1, &one)), &area, Some(dec!(-25)), 3);
    assert_well_formed(&foot);
    assert!(foot.contains(">Getoond: 1</th>") && foot.contains(">Totaal alle 3</th>"), "{foot}");
    assert!(foot.contains(&format::euro(area.frictiekosten)), "{foot}");
    assert!(foot.contains(r#"data-label="Fte-verlies""#) && foot.contains("−25%"), "{foot}");
    let plain = foot_markup(Line::Ivh, false, None, &area, None, 3);
    assert!(plain.contains(">Totaal</th>") && !plain.contains("Getoond"), "{plain}");
    assert_eq!(plain.matches("<td ").count(), 6, "no cell under an organisation column: {plain}");
    assert!(plain.contains(&format::euro(area.budget_2014.ivh)), "{plain}");
}

#[test]
fn charts_escape_titles_labels_values_and_notes() {
    let rows: Vec<(String, Decimal)> =
        HOSTILE.iter().enumerate().map(|(i, n)| (n.to_string(), Decimal::from(1000 * (i + 1)))).collect();
    let bars = chart::bars(HOSTILE[2], &rows, format::euro);
    assert_names_escaped(&bars.drawing_markup(), &HOSTILE);
    assert_names_escaped(&bars.table_markup(), &HOSTILE);
    let drawn = Chart {
        title: HOSTILE[0].into(),
        description: HOSTILE[1].into(),
        legend: vec![(Fill::Budget2014, "Budget 2014")],
        rows: vec![Row {
            label: HOSTILE[3].into(),
            lanes: 2,
            bars: vec![Bar { lane: 1, start: Share(0), length: Share(5000), fill: Fill::Inkoop2015 }],
            value: Some(HOSTILE[4].into()),
            notes: Some((HOSTILE[5].into(), HOSTILE[2].into())),
        }],
        rule: Some(Share(2500)),
        ..Chart::default()
    };
    let markup = drawn.drawing_markup();
    assert_names_escaped(&markup, &HOSTILE[..]);
    assert!(
        markup.contains(r#"<rect class="chart__bar chart__bar--2015" x="0%" y="50%" width="50%" height="45%"/>"#),
        "{markup}"
    );
    assert!(markup.contains(r#"x1="25%""#), "{markup}");
}

#[test]
fn the_comparison_escapes_scenario_names_and_marks_what_differs() {
    let data = Dataset::embedded().unwrap();
    let groningen = Selection::find(data, Kind::Organisatie, "MEE Groningen").unwrap();
    let inputs = |p: i64| {
        let mut i = Inputs { selection: groningen, ..Inputs::new(data) };
        i.scenario.apply(data, groningen, Line::Co, Change::Percent(p.into())).unwrap();
        i
    };
    let (a, b) = (inputs(-10), inputs(-30));
    let columns = vec![compare::column(data, HOSTILE[0], &a), compare::column(data, HOSTILE[1], &b)];
    let results = compare::results_markup(&columns, false);
    assert_names_escaped(&results, &HOSTILE[..2]);
    assert!(results.contains(r#"data-testid="vergelijk-uitkomsten""#), "{results}");
    assert!(results.contains(&format!("<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data num verschil\">{}<span class=\"visually-hidden\"> (anders dan de huidige berekening)</span></td>", format::euro(columns[1].figures.frictiekosten))), "{results}");
    assert!(!results.contains("2015–2018"), "no path, no totals over the years");
    assert!(compare::results_markup(&columns, true).contains("Frictiekosten 2015–2018"));
    let mut rows = compare::input_differences(data, &[&a, &b]);
    assert_eq!(rows.len(), 1);
    rows.push(InputRow { label: HOSTILE[2].into(), values: vec![HOSTILE[3].into(), HOSTILE[5].into()] });
    let differences = compare::differences_markup(&rows);
    assert_names_escaped(&differences, &HOSTILE[2..4]);
    assert!(differences.starts_with(r#"<h3 id="invoer-titel""#) && differences.contains("−30%"), "{differences}");
    assert_eq!(compare::differences_markup(&[]), "");
}

#[test]
fn the_worked_calculation_and_the_report_escape_every_name() {
    let data = hostile_data();
    let names: Vec<String> = data
        .gemeente_ids()
        .map(|g| data.gemeente(g).naam.clone())
        .chain(data.organisatie_ids().map(|o| data.organisatie(o).naam.clone()))
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let evil = evil(&data);
    for selection in [Selection::Nederland, evil] {
        let inputs = hostile_inputs(&data, selection);
        let w = worked(&data, &inputs.outcome(&data), &inputs.params, selection).markup();
        assert_well_formed(&w);
        assert!(w.contains(&escape(selection.naam(&data))) || selection == Selection::Nederland, "{w}");
        let stamp = Stamp { datum: HOSTILE[3], link: HOSTILE[1], complete: false };
        let printed = report(&data, &inputs).markup(&stamp, None);
        assert_names_escaped(&printed, &[HOSTILE[3], HOSTILE[1]]);
        assert!(printed.contains("(onvolledig: de CSV bevat alle bedragen)"), "{printed}");
    }
    // Nederland's worked calculation lists every organisation; an organisation's report
    // lists its gemeenten.
    let inputs = hostile_inputs(&data, Selection::Nederland);
    let w = worked(&data, &inputs.outcome(&data), &inputs.params, Selection::Nederland).markup();
    let organisaties: Vec<&str> = names[3..].to_vec();
    assert_names_escaped(&w, &organisaties);
    let printed = report(&data, &hostile_inputs(&data, evil)).markup(
        &Stamp { datum: "1 januari 2015", link: "https://example.invalid/?a=1&b=2", complete: true },
        Some(r#"<svg class="kaart"></svg>"#),
    );
    assert_names_escaped(&printed, &names[..2]);
    assert!(printed.contains("?a=1&amp;b=2") && printed.contains(r#"<svg class="kaart"></svg>"#), "{printed}");
}

#[test]
fn the_afbouwpad_and_the_bandbreedte_say_their_figures() {
    let data = Dataset::embedded().unwrap();
    let mut scenario = Scenario::status_quo(data);
    scenario.apply(data, Selection::Nederland, Line::Co, Change::Percent(dec!(-20))).unwrap();
    let f: Figures = calculate(data, &scenario, &Parameters::default()).selection(data, Selection::Nederland);
    let mut cheaper = f;
    cheaper.frictiekosten -= dec!(1000);
    let path = PathFigures { per_year: [f; 4], total: cheaper, at_once: f, replaced: Some((2016, 3)) };
    let markup = path.markup();
    assert_well_formed(&markup);
    for expected in [
        r#"data-testid="pad-tabel""#,
        r#"data-testid="pad-verschil""#,
        ">2018</th>",
        ">Totaal 2015–2018</th>",
        ">Zelfde korting in één keer (2015)</th>",
        ">Netto 2014–2018</th>",
        "Geleidelijk afbouwen bespaart €\u{a0}1.000 aan frictiekosten",
        "De eigen bedragen van 3 gemeenten (ingelezen of per gemeente ingevuld) gelden daarom alleen tot 2015.",
    ] {
        assert!(markup.contains(expected), "`{expected}` missing from {markup}");
    }
    assert!(markup.contains(&format::euro(f.inkoop_2015.total())), "{markup}");
    let range = |low: i64, high: i64| Range { low: Decimal::from(low), high: Decimal::from(high) };
    let band = bandbreedte_markup(range(1_000, 2_000), range(300, 400));
    assert_well_formed(&band);
    assert!(band.contains(r#"<strong data-testid="bandbreedte-frictiekosten">€"#), "{band}");
    assert!(band.contains("2.000") && band.contains("400"), "{band}");
}

#[test]
fn the_method_and_the_accessibility_statement_are_well_formed() {
    assert_well_formed(METHOD);
    assert_well_formed(ACCESSIBILITY);
    assert!(METHOD.starts_with(r#"<h2 id="methode-titel""#) && METHOD.contains("Hoe rekenen we?"));
    assert!(METHOD.contains(r#"href="data/mee-budgetten-2014.csv""#));
    assert!(ACCESSIBILITY.contains("Toegankelijkheids&shy;verklaring"));
    assert!(ACCESSIBILITY.contains("Deze verklaring is opgesteld op 24 november 2026."));
}

#[test]
fn the_check_catches_a_name_written_raw() {
    // Each check panics (its message is printed): that is the point.
    for name in HOSTILE {
        for raw in [format!("<p>{name}</p>"), format!(r#"<p title="{name}">x</p>"#)] {
            let caught = std::panic::catch_unwind(|| assert_well_formed(&raw)).is_err();
            assert!(caught, "not caught: {raw:?}");
        }
    }
}

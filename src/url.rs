//! The query string: the calculator's public interface (model.md §7, documented in README).
//!
//! Gemeenten link to and embed the calculator with these parameters, so reading is lenient
//! and never fails: what it cannot use it skips, with a Dutch notice for the page. Writing
//! is exact: [`decode`] of [`encode`] gives back the same scenario, to the last decimal.
//!
//! How a scenario is written:
//! 1. the selection: `gemeente=`, `regio=` or `mee=` (none: Nederland);
//! 2. per budget line, for the selection: `wijziging=` when every gemeente in it has the same
//!    percentage, else `inkoop=` when the amounts are a total divided pro rata;
//! 3. every gemeente whose inkoop still differs from what 1–2 give goes into `gemeenten=`:
//!    `naam:co:ivh;naam:co:ivh`, each amount in euros (`1690486.34`) or as a percentage of
//!    2014 (`-13%`), or empty where 1–2 already give it;
//! 4. parameters that differ from their defaults, then `embed=1`.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::apportion::apportion;
use crate::data::{Dataset, GemeenteId, Line};
use crate::input;
use crate::pad::Path;
use crate::params::{ParamKey, Parameters};
use crate::scenario::{Change, Scenario};
use crate::selection::{Kind, Selection};

/// Everything a link can carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlState {
    pub selection: Selection,
    pub scenario: Scenario,
    pub params: Parameters,
    /// Compact layout for an iframe.
    pub embed: bool,
    /// The afbouwpad: the selection's cliëntondersteuning in 2016–2018, % against 2014.
    pub pad: Path,
    /// Scenarios compared with this one: (name, link query), at most three.
    pub vergelijk: Vec<(String, String)>,
    /// Omgekeerd rekenen: the target for ongedekte frictiekosten, in euros.
    pub doel_ongedekt: Option<Decimal>,
}

impl UrlState {
    pub fn new(data: &Dataset) -> UrlState {
        UrlState {
            selection: Selection::Nederland,
            scenario: Scenario::status_quo(data),
            params: Parameters::default(),
            embed: false,
            pad: [None; 3],
            vergelijk: Vec::new(),
            doel_ongedekt: None,
        }
    }
}

/// The query parameter names of one budget line: (percentage, amount).
fn line_keys(line: Line) -> (&'static str, &'static str) {
    match line {
        Line::Co => ("wijziging", "inkoop"),
        Line::Ivh => ("ivh_wijziging", "ivh"),
    }
}

const SELECTION_KEYS: [(&str, Kind); 3] =
    [("gemeente", Kind::Gemeente), ("regio", Kind::Jeugdregio), ("mee", Kind::Organisatie)];
const GEMEENTEN_KEY: &str = "gemeenten";
/// `pad_2016`, `pad_2017`, `pad_2018` (model.md §8).
const PAD_KEYS: [&str; 3] = ["pad_2016", "pad_2017", "pad_2018"];
/// Notices are for people; a hostile link with a thousand bad parameters gets a few.
const MAX_NOTICES: usize = 8;

/// In a link a single point is a decimal point (`wijziging=-13.5`, as [`encode`] writes);
/// with a comma, or several points, the value is read in Dutch notation (`1.500.000,50`).
fn link_number(value: &str) -> String {
    if value.matches('.').count() == 1 && !value.contains(',') { value.replace('.', ",") } else { value.to_string() }
}

/// A value quoted in a notice: shortened, so a notice stays readable.
fn quote(value: &str) -> String {
    let short: String = value.chars().take(40).collect();
    if short.len() < value.len() { format!("‘{short}…’") } else { format!("‘{short}’") }
}

/// Reads a query string (with or without the leading `?`). Returns the state and Dutch
/// notices about what was ignored.
pub fn decode(data: &Dataset, query: &str) -> (UrlState, Vec<String>) {
    let mut state = UrlState::new(data);
    let mut notices = Vec::new();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    let value_of = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim());

    for (key, value) in &pairs {
        if seen.contains(&key.as_str()) {
            let first_repeat =
                pairs.iter().filter(|(k, _)| k == key).nth(1).is_some_and(|(_, v)| std::ptr::eq(v, value));
            if first_repeat {
                notices.push(format!("{} staat meer dan eens in de link; de eerste waarde is gebruikt.", quote(key)));
            }
            continue;
        }
        seen.push(key);
        let known = SELECTION_KEYS.iter().any(|(k, _)| k == key)
            || Line::ALL.iter().any(|&l| [line_keys(l).0, line_keys(l).1].contains(&key.as_str()))
            || ParamKey::from_url_name(key).is_some()
            || key == GEMEENTEN_KEY
            || PAD_KEYS.contains(&key.as_str())
            || key == "vergelijk"
            || key == "doel_ongedekt"
            || key == "embed";
        if !known {
            notices.push(format!("De link bevat {}, dat deze rekenhulp niet kent; genegeerd.", quote(key)));
        } else if value.trim().is_empty() {
            notices.push(format!("‘{key}’ in de link heeft geen waarde; genegeerd."));
        }
    }

    // 1. Selection: the first of gemeente/regio/mee in the link.
    let mut chosen = false;
    for (key, value) in &pairs {
        let Some(&(_, kind)) = SELECTION_KEYS.iter().find(|(k, _)| k == key) else { continue };
        if value.trim().is_empty() || value_of(key) != Some(value.trim()) {
            continue;
        }
        if chosen {
            notices.push(format!(
                "De link kiest meer dan één gebied; {} is genegeerd.",
                quote(&format!("{key}={}", value.trim()))
            ));
        } else if let Some(selection) = Selection::find(data, kind, value) {
            state.selection = selection;
            chosen = true;
        } else {
            notices.push(format!(
                "{} {} staat niet in de tabel; heel Nederland wordt getoond.",
                kind.heading(),
                quote(value)
            ));
        }
    }

    // 2. Per line: inkoop wins over wijziging.
    for line in Line::ALL {
        let (percent_key, amount_key) = line_keys(line);
        let change = match (value_of(amount_key), value_of(percent_key)) {
            (Some(a), percent) if !a.is_empty() => {
                if percent.is_some_and(|p| !p.is_empty()) {
                    notices
                        .push(format!("‘{percent_key}’ is niet gebruikt: ‘{amount_key}’ in dezelfde link gaat voor."));
                }
                input::amount(&link_number(a)).map(Change::Total).map_err(|e| (amount_key, e))
            }
            (_, Some(p)) if !p.is_empty() => input::percent_change(&link_number(p)).map_err(|e| (percent_key, e)),
            _ => continue,
        };
        match change.map(|c| state.scenario.apply(data, state.selection, line, c)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => notices.push(format!("De waarde in de link kon niet worden toegepast: {e}")),
            Err((key, e)) => notices.push(format!("‘{key}’ in de link is genegeerd: {e}")),
        }
    }

    // 3. Per-gemeente amounts.
    if let Some(list) = value_of(GEMEENTEN_KEY) {
        decode_gemeenten(data, list, &mut state.scenario, &mut notices);
    }

    // The afbouwpad: each year must be a valid change of the selection.
    for (i, key) in PAD_KEYS.into_iter().enumerate() {
        let Some(value) = value_of(key).filter(|v| !v.is_empty()) else { continue };
        match input::percent_change(&link_number(value)) {
            Ok(Change::Percent(p)) => state.pad[i] = Some(p),
            Ok(Change::Total(_)) => {}
            Err(e) => notices.push(format!("‘{key}’ in de link is genegeerd: {e}")),
        }
    }

    if let Some(value) = value_of("vergelijk").filter(|v| !v.is_empty()) {
        state.vergelijk = crate::saved::parse_compare(value);
        if state.vergelijk.is_empty() {
            notices.push("‘vergelijk’ in de link bevat geen bruikbaar scenario; genegeerd.".into());
        }
    }

    if let Some(value) = value_of("doel_ongedekt").filter(|v| !v.is_empty()) {
        match input::amount(&link_number(value)) {
            Ok(target) => state.doel_ongedekt = Some(target),
            Err(e) => notices.push(format!("‘doel_ongedekt’ in de link is genegeerd: {e}")),
        }
    }

    // 4. Parameters and layout.
    for key in ParamKey::ALL {
        let name = key.spec().url_name;
        match value_of(name).filter(|v| !v.is_empty()).map(|v| input::parameter(key, &link_number(v))) {
            Some(Ok(value)) => {
                let _ = state.params.set(key, value);
            }
            Some(Err(e)) => notices.push(format!("‘{name}’ in de link is genegeerd: {e}")),
            None => {}
        }
    }
    match value_of("embed") {
        Some("1") => state.embed = true,
        Some("0") | Some("") | None => {}
        Some(other) => notices.push(format!("‘embed’ kan 1 of 0 zijn, niet {}; genegeerd.", quote(other))),
    }

    if notices.len() > MAX_NOTICES {
        let more = notices.len() - MAX_NOTICES + 1;
        notices.truncate(MAX_NOTICES - 1);
        notices.push(format!("En nog {more} andere onderdelen van de link zijn genegeerd."));
    }
    (state, notices)
}

fn decode_gemeenten(data: &Dataset, list: &str, scenario: &mut Scenario, notices: &mut Vec<String>) {
    for entry in list.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let mut fields = entry.split(':');
        let naam = fields.next().unwrap_or("");
        if naam.trim().is_empty() {
            notices.push("‘gemeenten’ bevat een onderdeel zonder gemeentenaam; genegeerd.".to_string());
            continue;
        }
        let Some(Selection::Gemeente(g)) = Selection::find(data, Kind::Gemeente, naam) else {
            notices.push(format!("Gemeente {} uit ‘gemeenten’ staat niet in de tabel; genegeerd.", quote(naam)));
            continue;
        };
        let values: Vec<&str> = fields.collect();
        if values.is_empty() || values.len() > 2 {
            notices.push(format!("‘gemeenten’: {} heeft de vorm naam:bedrag:bedrag nodig; genegeerd.", quote(entry)));
            continue;
        }
        for (line, text) in Line::ALL.into_iter().zip(values) {
            if text.trim().is_empty() {
                continue;
            }
            let applied = gemeente_amount(data, g, line, text)
                .and_then(|amount| scenario.set_gemeente(data, g, line, amount).map_err(input::FieldError::Scenario));
            match applied {
                Ok(()) => {}
                Err(e) => notices.push(format!(
                    "‘gemeenten’: {} voor {} is genegeerd: {e}",
                    quote(text),
                    data.gemeente(g).naam
                )),
            }
        }
    }
}

/// An amount in a `gemeenten` entry: euros, or a percentage of 2014 with a `%` sign.
fn gemeente_amount(data: &Dataset, g: GemeenteId, line: Line, text: &str) -> Result<Decimal, input::FieldError> {
    let text = link_number(text);
    if text.trim_end().ends_with('%') {
        let Change::Percent(p) = input::percent_change(&text)? else { unreachable!("a percentage") };
        Ok(data.gemeente(g).budget_2014.get(line) * (Decimal::ONE + p / dec!(100)))
    } else {
        input::amount(&text)
    }
}

/// How [`encode`] describes a line of the selection with one parameter, if it can: the
/// percentage every gemeente shares; else a total divided pro rata; else the percentage
/// most gemeenten share (the others go into `gemeenten=`).
fn describe(data: &Dataset, scenario: &Scenario, selection: Selection, line: Line) -> Option<Change> {
    let members = selection.gemeenten(data);
    let budgets: Vec<Decimal> = members.iter().map(|&g| data.gemeente(g).budget_2014.get(line)).collect();
    let inkoop: Vec<Decimal> = members.iter().map(|&g| scenario.inkoop(g).get(line)).collect();
    if budgets == inkoop {
        return None;
    }
    // Cheap checks first: the first gemeente's percentage for all, then a pro-rata total.
    let uniform =
        budgets.iter().position(|b| !b.is_zero()).and_then(|i| percentage(budgets[i], inkoop[i])).filter(|p| {
            let factor = Decimal::ONE + p / dec!(100);
            budgets.iter().zip(&inkoop).all(|(b, k)| b * factor == *k)
        });
    if let Some(p) = uniform {
        return Some(Change::Percent(p));
    }
    let total: Decimal = inkoop.iter().sum();
    if total.scale() <= 2 && apportion(total, &budgets, 2).as_deref() == Some(&inkoop[..]) {
        return Some(Change::Total(total));
    }
    let percentages: Vec<Decimal> = budgets.iter().zip(&inkoop).filter_map(|(b, k)| percentage(*b, *k)).collect();
    let order = crate::sort::sorted_positions(percentages.len(), &|a, b| percentages[a].cmp(&percentages[b]));
    let percentages: Vec<Decimal> = order.into_iter().map(|i| percentages[i]).collect();
    // The most common percentage; among equally common ones the smallest change.
    let most = percentages
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.abs().cmp(&a.0.abs())));
    most.filter(|&(p, n)| n >= 2 && !p.is_zero()).map(|(p, _)| Change::Percent(p))
}

/// The percentage that turns `budget` into `amount`, if a link can carry it: exact in ten
/// decimals, and within the bounds [`decode`] accepts (a total can imply more than +1000 %).
fn percentage(budget: Decimal, amount: Decimal) -> Option<Decimal> {
    if budget.is_zero() {
        return None;
    }
    let p = ((amount / budget - Decimal::ONE) * dec!(100)).normalize();
    let exact = p.scale() <= 10 && budget * (Decimal::ONE + p / dec!(100)) == amount;
    (exact && Change::Percent(p).validate().is_ok()).then_some(p)
}

/// A decimal for a link: a point, no separators, no trailing zeros.
fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An amount in a `gemeenten` entry, as short as is exact.
fn gemeente_value(budget: Decimal, amount: Decimal) -> String {
    let as_amount = (amount.normalize().scale() <= 2).then(|| plain(amount));
    let as_percent = percentage(budget, amount).map(|p| format!("{}%", plain(p)));
    match (as_amount, as_percent) {
        (Some(a), Some(p)) if p.len() < a.len() => p,
        (Some(a), _) => a,
        (None, Some(p)) => p,
        // Not reachable for amounts the UI or a link can make; the nearest cent then.
        (None, None) => plain(amount.round_dp(2)),
    }
}

/// Writes the state as a query string, without the leading `?`.
pub fn encode(data: &Dataset, state: &UrlState) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    let selection = state.selection;
    if let Some(&(key, _)) = SELECTION_KEYS.iter().find(|(_, kind)| *kind == selection.kind()) {
        query.append_pair(key, selection.naam(data));
    }

    let mut rebuilt = Scenario::status_quo(data);
    for line in Line::ALL {
        let (percent_key, amount_key) = line_keys(line);
        match describe(data, &state.scenario, selection, line) {
            Some(Change::Percent(p)) => {
                query.append_pair(percent_key, &plain(p));
                let _ = rebuilt.apply(data, selection, line, Change::Percent(p));
            }
            Some(Change::Total(t)) => {
                query.append_pair(amount_key, &plain(t));
                let _ = rebuilt.apply(data, selection, line, Change::Total(t));
            }
            None => {}
        }
    }

    let entries: Vec<String> = data
        .gemeente_ids()
        .filter_map(|g| {
            let (want, have) = (state.scenario.inkoop(g), rebuilt.inkoop(g));
            if want == have {
                return None;
            }
            let budget = data.gemeente(g).budget_2014;
            let field = |line: Line| {
                if want.get(line) == have.get(line) {
                    String::new()
                } else {
                    gemeente_value(budget.get(line), want.get(line))
                }
            };
            Some(format!("{}:{}:{}", data.gemeente(g).naam, field(Line::Co), field(Line::Ivh)))
        })
        .collect();
    if !entries.is_empty() {
        query.append_pair(GEMEENTEN_KEY, &entries.join(";"));
    }

    for key in ParamKey::ALL {
        if !state.params.is_default(key) {
            query.append_pair(key.spec().url_name, &plain(state.params.get(key)));
        }
    }
    for (key, percent) in PAD_KEYS.into_iter().zip(state.pad) {
        if let Some(p) = percent {
            query.append_pair(key, &plain(p));
        }
    }
    if let Some(target) = state.doel_ongedekt {
        query.append_pair("doel_ongedekt", &plain(target));
    }
    if !state.vergelijk.is_empty() {
        query.append_pair("vergelijk", &crate::saved::compare_value(&state.vergelijk));
    }
    if state.embed {
        query.append_pair("embed", "1");
    }
    query.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        Dataset::embedded().unwrap()
    }

    fn find(kind: Kind, naam: &str) -> Selection {
        Selection::find(data(), kind, naam).unwrap()
    }

    #[test]
    fn reads_the_documented_parameters() {
        let (state, notices) = decode(data(), "?gemeente=groningen&wijziging=-13&huisvesting=20&embed=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.selection, find(Kind::Gemeente, "Groningen"));
        assert_eq!(state.scenario.percent_of(data(), state.selection, Line::Co), Some(dec!(-13)));
        assert_eq!(state.params.get(ParamKey::Huisvesting), dec!(20));
        assert!(state.embed);
    }

    #[test]
    fn dutch_comma_or_point_and_any_case_or_accents() {
        let (a, _) = decode(data(), "regio=GRONINGEN&wijziging=-13,5");
        let (b, _) = decode(data(), "regio=Groningen&wijziging=-13.5");
        assert_eq!(a, b);
        let (c, n) = decode(data(), "gemeente=Sudwest%20Fryslan");
        assert!(n.is_empty());
        assert_eq!(c.selection.naam(data()), "Súdwest Fryslân");
    }

    #[test]
    fn in_a_link_one_point_is_a_decimal_point() {
        let (a, _) = decode(data(), "gemeente=Groningen&wijziging=264.572&fte_kosten=64454.5");
        assert_eq!(a.scenario.percent_of(data(), a.selection, Line::Co), Some(dec!(264.572)));
        assert_eq!(a.params.get(ParamKey::FteKosten), dec!(64454.5));
        let (b, _) = decode(data(), "gemeente=Groningen&inkoop=1.500.000");
        assert_eq!(b.scenario.inkoop_of(data(), b.selection).co, dec!(1500000));
        let (c, _) = decode(data(), "gemeente=Groningen&inkoop=1.500.000,50");
        assert_eq!(c.scenario.inkoop_of(data(), c.selection).co, dec!(1500000.50));
    }

    #[test]
    fn inkoop_wins_over_wijziging() {
        let (state, _) = decode(data(), "mee=MEE+Groningen&wijziging=-50&inkoop=5000000");
        assert_eq!(state.scenario.inkoop_of(data(), state.selection).co, dec!(5000000));
    }

    #[test]
    fn ignores_what_it_cannot_use_with_a_notice() {
        let (state, notices) =
            decode(data(), "gemeente=Atlantis&wijziging=abc&reserves=150&foo=bar&embed=ja&gemeenten=Nergens:5");
        assert_eq!(state, UrlState::new(data()));
        assert_eq!(notices.len(), 6, "{notices:#?}");
        assert!(notices[0].contains("‘foo’"));
        assert!(notices.iter().any(|n| n.contains("‘Atlantis’") && n.contains("heel Nederland")));
        assert!(notices.iter().any(|n| n.starts_with("‘wijziging’ in de link is genegeerd: Dit is geen getal")));
        assert!(notices.iter().any(|n| n.contains("‘reserves’") && n.contains("100%")));
    }

    #[test]
    fn rough_links_get_one_clear_notice_each() {
        let (_, n) = decode(data(), "wijziging=-1&wijziging=-2&wijziging=-3");
        assert_eq!(n, ["‘wijziging’ staat meer dan eens in de link; de eerste waarde is gebruikt."]);
        let (_, n) = decode(data(), "gemeenten=;:::");
        assert_eq!(n, ["‘gemeenten’ bevat een onderdeel zonder gemeentenaam; genegeerd."]);
        let (_, n) = decode(data(), "gemeente=Groningen&wijziging=-13&inkoop=1000000");
        assert_eq!(n, ["‘wijziging’ is niet gebruikt: ‘inkoop’ in dezelfde link gaat voor."]);
    }

    #[test]
    fn a_gemeente_value_is_written_in_its_shorter_form() {
        assert_eq!(gemeente_value(dec!(118285), dec!(106456.5)), "-10%");
        assert_eq!(gemeente_value(dec!(118285), dec!(100000)), "100000");
        assert_eq!(gemeente_value(dec!(22364), dec!(20688.04184)), "-7.494%");
        assert_eq!(gemeente_value(dec!(22364), dec!(20686.7)), "-7.5%");
    }

    #[test]
    fn a_hostile_link_gets_a_few_short_notices() {
        let long = "x".repeat(5000);
        let query: String = (0..100).map(|i| format!("k{i}={long}&")).collect::<String>() + &format!("gemeente={long}");
        let (state, notices) = decode(data(), &query);
        assert_eq!(state.selection, Selection::Nederland);
        assert_eq!(notices.len(), MAX_NOTICES);
        assert!(notices.iter().all(|n| n.chars().count() < 200), "{notices:?}");
    }

    #[test]
    fn writes_the_simple_parameters() {
        let groningen = find(Kind::Gemeente, "Groningen");
        let mut state = UrlState { selection: groningen, ..UrlState::new(data()) };
        state.scenario.apply(data(), groningen, Line::Co, Change::Percent(dec!(-13))).unwrap();
        state.params.set(ParamKey::Verloop, dec!(2.5)).unwrap();
        assert_eq!(encode(data(), &state), "gemeente=Groningen&wijziging=-13&verloop=2.5");
        state.scenario.apply(data(), groningen, Line::Ivh, Change::Total(dec!(20000))).unwrap();
        // 20.000 of 22.364 is no percentage a link can carry exactly: written as an amount.
        assert_eq!(encode(data(), &state), "gemeente=Groningen&wijziging=-13&ivh=20000&verloop=2.5");
        assert_eq!(encode(data(), &UrlState::new(data())), "");
        state.pad = [Some(dec!(-10)), None, Some(dec!(-20))];
        assert!(encode(data(), &state).ends_with("&verloop=2.5&pad_2016=-10&pad_2018=-20"));
    }

    #[test]
    fn a_pro_rata_total_is_written_as_inkoop() {
        let mee = find(Kind::Organisatie, "MEE Groningen");
        let mut state = UrlState { selection: mee, ..UrlState::new(data()) };
        state.scenario.apply(data(), mee, Line::Co, Change::Total(dec!(5000000.01))).unwrap();
        assert_eq!(encode(data(), &state), "mee=MEE+Groningen&inkoop=5000000.01");
    }

    #[test]
    fn edits_the_simple_parameters_cannot_express_go_into_gemeenten() {
        let regio = find(Kind::Jeugdregio, "Groningen");
        let mut state = UrlState { selection: regio, ..UrlState::new(data()) };
        state.scenario.apply(data(), regio, Line::Co, Change::Percent(dec!(-10))).unwrap();
        let Selection::Gemeente(haren) = find(Kind::Gemeente, "Haren") else { unreachable!() };
        state.scenario.set_gemeente(data(), haren, Line::Co, dec!(300000)).unwrap();
        let Selection::Gemeente(assen) = find(Kind::Gemeente, "Assen") else { unreachable!() };
        state.scenario.apply(data(), Selection::Gemeente(assen), Line::Ivh, Change::Percent(dec!(-7.5))).unwrap();
        let query = encode(data(), &state);
        assert_eq!(query, "regio=Groningen&wijziging=-10&gemeenten=Assen%3A%3A-7.5%25%3BHaren%3A300000%3A");
        let (back, notices) = decode(data(), &query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
    }

    #[test]
    fn a_name_with_a_comma_survives() {
        let nuenen = find(Kind::Gemeente, "nuenen, gerwen en nederwetten");
        let Selection::Gemeente(g) = nuenen else { unreachable!() };
        let mut state = UrlState::new(data());
        state.scenario.set_gemeente(data(), g, Line::Co, dec!(1)).unwrap();
        let (back, notices) = decode(data(), &encode(data(), &state));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
    }

    #[test]
    fn no_gemeente_name_holds_the_separators_of_gemeenten() {
        assert!(data().gemeenten.iter().all(|g| !g.naam.contains([':', ';'])));
    }
}

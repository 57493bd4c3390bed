//! Properties of the model that must hold for every scenario and every parameter set
//! (10 000 random cases each, or `PROPTEST_CASES`).

mod common;

use mee_frictiekosten::model::calculation::{Figures, calculate};
use mee_frictiekosten::model::data::{GemeenteId, JeugdregioId, LaterId, Line, OrganisatieId};
use mee_frictiekosten::model::inputs::{Compared, Inputs, Session};
use mee_frictiekosten::model::params::{ParamKey, Parameters};
use mee_frictiekosten::model::scenario::{Change, Scenario, ScenarioError};
use mee_frictiekosten::model::selection::{Kind, Selection};
use mee_frictiekosten::model::testing::data;
use mee_frictiekosten::model::weergave::{Column, Direction, MAX_FILTER, Maat, OrgColumn, Schaal, Sort, Weergave};
use mee_frictiekosten::text::url::{MAX_LINK, decode, encode};
use mee_frictiekosten::view::presets::Preset;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn selection() -> impl Strategy<Value = Selection> {
    prop_oneof![
        Just(Selection::Nederland),
        (0..408usize).prop_map(|i| Selection::Gemeente(GemeenteId(i))),
        (0..41usize).prop_map(|i| Selection::Jeugdregio(JeugdregioId(i))),
        (0..22usize).prop_map(|i| Selection::Organisatie(OrganisatieId(i))),
        (0..data().later.len()).prop_map(|i| Selection::Later(LaterId(i))),
    ]
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![Just(Line::Co), Just(Line::Ivh)]
}

/// A percentage from −100 to +100 with up to two decimals.
fn percent() -> impl Strategy<Value = Decimal> {
    (-10_000i64..=10_000).prop_map(|m| Decimal::new(m, 2))
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => percent().prop_map(Change::Percent),
        1 => (0i64..=2_000_000_000).prop_map(|c| Change::Total(Decimal::new(c, 2))),
    ]
}

/// A percentage as a person or a link can give it: up to ten decimals.
fn precise_percent() -> impl Strategy<Value = Decimal> {
    prop_oneof![percent(), (-1_000_000_000_000i64..=1_000_000_000_000).prop_map(|m| Decimal::new(m, 10))]
}

/// Any edit the UI offers: a selection by percentage or total, or one gemeente's amount.
#[derive(Clone, Debug)]
enum Edit {
    Selection(Selection, Line, Change),
    Gemeente(GemeenteId, Line, Decimal),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let change = prop_oneof![
        precise_percent().prop_map(Change::Percent),
        (0i64..=2_000_000_000).prop_map(|c| Change::Total(Decimal::new(c, 2))),
    ];
    let edit = prop_oneof![
        (selection(), line(), change).prop_map(|(s, l, c)| Edit::Selection(s, l, c)),
        (0..408usize, line(), 0i64..=300_000_000).prop_map(|(g, l, c)| Edit::Gemeente(
            GemeenteId(g),
            l,
            Decimal::new(c, 2)
        )),
    ];
    prop::collection::vec(edit, 0..8)
}

/// Inputs as a person builds them: maybe a preset, then a few areas each with a change,
/// up to 40 gemeenten typed one by one in the table (whole euros, or a percentage with two
/// decimals), and the area looked at last.
fn ordinary_inputs() -> impl Strategy<Value = Inputs> {
    let preset = prop::option::of(prop::sample::select(Preset::ALL.to_vec()));
    let area_changes = prop::collection::vec((selection(), line(), change()), 0..4);
    let typed = prop_oneof![
        (0i64..=5_000_000).prop_map(Decimal::from),
        (-10_000i64..=10_000).prop_map(|m| Decimal::new(m, 2)),
    ];
    let table = prop::collection::vec((0..408usize, line(), typed, any::<bool>()), 0..40);
    (preset, area_changes, table, selection(), parameters()).prop_map(|(preset, areas, table, last, params)| {
        let d = data();
        let mut inputs = Inputs { params, ..Inputs::new(d) };
        if let Some(preset) = preset {
            preset.apply(d, &mut inputs);
        }
        for (sel, line, change) in areas {
            let _ = inputs.scenario.apply(d, sel, line, change);
        }
        for (g, line, value, as_percent) in table {
            let g = GemeenteId(g);
            let amount = if as_percent {
                d.gemeente(g).budget_2014.get(line) * (Decimal::ONE + value / Decimal::ONE_HUNDRED).max(Decimal::ZERO)
            } else {
                value
            };
            let _ = inputs.scenario.set_gemeente(d, g, line, amount);
        }
        inputs.selection = last;
        inputs
    })
}

/// A scenario built the way a person builds one: a few changes to selections.
fn scenario() -> impl Strategy<Value = Scenario> {
    prop::collection::vec((selection(), line(), change()), 0..5).prop_map(|ops| {
        let mut s = Scenario::status_quo(data());
        for (sel, line, change) in ops {
            // A total above +1000 % of a small selection is refused, as in the UI: skipped.
            let _ = s.apply(data(), sel, line, change);
        }
        s
    })
}

/// Any view a person can set, the filter as the link keeps it (one line of visible text).
fn weergave() -> impl Strategy<Value = Weergave> {
    let direction = prop_oneof![Just(Direction::Ascending), Just(Direction::Descending)];
    let sort = (
        prop::sample::select(vec![
            Column::Gemeente,
            Column::Budget2014,
            Column::Inkoop2015,
            Column::Wijziging,
            Column::Frictiekosten,
            Column::FrictiekostenAandeel,
            Column::FteVerlies,
        ]),
        direction.clone(),
    )
        .prop_map(|(column, direction)| Sort { column, direction });
    let sort_mee = (
        prop::sample::select(vec![
            OrgColumn::Organisatie,
            OrgColumn::Budget2014,
            OrgColumn::Inkoop2015,
            OrgColumn::Frictiekosten,
            OrgColumn::FrictiekostenAandeel,
            OrgColumn::FteVerlies,
            OrgColumn::FrictiekostenGeheel,
        ]),
        direction,
    )
        .prop_map(|(column, direction)| Sort { column, direction });
    let map = (
        prop::sample::select(vec![Maat::Omzetdaling, Maat::Frictiekosten, Maat::Ongedekt, Maat::FteVerlies]),
        prop_oneof![Just(Schaal::Bedrag), Just(Schaal::Aandeel)],
        prop::sample::select(vec![Kind::Gemeente, Kind::Jeugdregio, Kind::Organisatie]),
    );
    // Names, other scripts, what a query escapes, bidi controls and line breaks.
    let filter = prop_oneof!["[A-Za-z ,'-]{0,30}", "\\PC{0,80}", "[&=%+#?;:\u{202E}\n\t éß中]{0,70}"]
        .prop_map(|raw| mee_frictiekosten::text::untrusted::one_line(&raw, MAX_FILTER).unwrap_or_default());
    let open = prop::array::uniform4(prop::option::of(any::<bool>()));
    (map, line(), sort, filter, any::<bool>(), sort_mee, open).prop_map(
        |((kaart_maat, kaart_schaal, kaart_kies), bedragen, sorteer, filter, groep, sorteer_mee, open)| Weergave {
            kaart_maat,
            kaart_schaal,
            kaart_kies,
            bedragen,
            sorteer,
            filter,
            groep,
            sorteer_mee,
            open,
        },
    )
}

fn parameters() -> impl Strategy<Value = Parameters> {
    let percent = || (0i64..=10_000).prop_map(|m| Decimal::new(m, 2));
    let months = || (0i64..=240).prop_map(|m| Decimal::new(m, 1));
    (20_000i64..=120_000, months(), percent(), months(), percent(), percent(), percent()).prop_map(
        |(fte, mp, h, mh, mvw, v, r)| {
            [
                (ParamKey::FteKosten, Decimal::from(fte)),
                (ParamKey::MaandenPersoneel, mp),
                (ParamKey::Huisvesting, h),
                (ParamKey::MaandenHuisvesting, mh),
                (ParamKey::MensVolgtWerk, mvw),
                (ParamKey::Verloop, v),
                (ParamKey::Reserves, r),
            ]
            .into_iter()
            .fold(Parameters::default(), |p, (k, value)| p.with(k, value).expect("in range"))
        },
    )
}

fn money_and_fte(f: &Figures) -> [Decimal; 11] {
    [
        f.formatie_2014,
        f.omzetdaling,
        f.fte_verlies,
        f.fte_mens_volgt_werk,
        f.fte_verloop,
        f.fte_boventallig,
        f.frictiekosten_personeel,
        f.frictiekosten_huisvesting,
        f.frictiekosten,
        f.dekking_reserves,
        f.ongedekt,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(10_000)))]

    #[test]
    fn no_figure_is_ever_negative(s in scenario(), p in parameters()) {
        let outcome = calculate(data(), &s, &p);
        for g in data().gemeente_ids() {
            for x in money_and_fte(outcome.gemeente(g)) {
                prop_assert!(x >= Decimal::ZERO, "{} has {}", data().gemeente(g).naam, x);
            }
        }
    }

    #[test]
    fn a_deeper_cut_never_costs_less(
        s in scenario(), p in parameters(), sel in selection(), line in line(),
        a in percent(), b in percent(),
    ) {
        let (shallow, deep) = if a >= b { (a, b) } else { (b, a) };
        let figures = |pct| {
            let mut s = s.clone();
            s.apply(data(), sel, line, Change::Percent(pct)).unwrap();
            calculate(data(), &s, &p).selection(data(), sel)
        };
        let (f_shallow, f_deep) = (figures(shallow), figures(deep));
        // Shares of an organisation's figures are whole units of 10⁻¹⁰; one gemeente's share
        // may move by a unit when another's cut changes. Far below anything shown.
        let unit = Decimal::new(1, 9);
        prop_assert!(f_deep.frictiekosten + unit >= f_shallow.frictiekosten,
            "{} at {}% < {} at {}%", f_deep.frictiekosten, deep, f_shallow.frictiekosten, shallow);
        prop_assert!(f_deep.ongedekt + unit >= f_shallow.ongedekt);
        prop_assert!(f_deep.fte_boventallig + unit >= f_shallow.fte_boventallig);
    }

    #[test]
    fn buying_at_least_the_2014_budget_everywhere_costs_nothing(
        rises in prop::collection::vec((0i64..=5_000, 0i64..=5_000), 408),
        p in parameters(),
    ) {
        let d = data();
        let mut s = Scenario::status_quo(d);
        for (g, (co, ivh)) in d.gemeente_ids().zip(rises) {
            let b = d.gemeente(g).budget_2014;
            s.set_gemeente(d, g, Line::Co, b.co + Decimal::new(co, 2)).unwrap();
            s.set_gemeente(d, g, Line::Ivh, b.ivh + Decimal::new(ivh, 2)).unwrap();
        }
        let f = calculate(d, &s, &p).selection(d, Selection::Nederland);
        prop_assert_eq!(f.omzetdaling, Decimal::ZERO);
        prop_assert_eq!(f.fte_verlies, Decimal::ZERO);
        prop_assert_eq!(f.frictiekosten, Decimal::ZERO);
    }

    #[test]
    fn an_organisations_gemeenten_add_up_to_it_exactly(s in scenario(), p in parameters()) {
        let d = data();
        let outcome = calculate(d, &s, &p);
        for o in d.organisatie_ids() {
            let summed: Figures = d.organisatie(o).gemeenten.iter().map(|&g| *outcome.gemeente(g)).sum();
            prop_assert_eq!(&summed, outcome.organisatie(o), "{}", d.organisatie(o).naam);
        }
    }

    #[test]
    fn nederland_is_the_sum_of_the_organisations(s in scenario(), p in parameters()) {
        let d = data();
        let outcome = calculate(d, &s, &p);
        let organisaties: Figures = d.organisatie_ids().map(|o| *outcome.organisatie(o)).sum();
        let gemeenten: Figures = d.gemeente_ids().map(|g| *outcome.gemeente(g)).sum();
        let jeugdregios: Figures = d.jeugdregio_ids().map(|r| outcome.selection(d, Selection::Jeugdregio(r))).sum();
        prop_assert_eq!(outcome.selection(d, Selection::Nederland), organisaties);
        prop_assert_eq!(gemeenten, organisaties);
        prop_assert_eq!(jeugdregios, organisaties);
    }

    #[test]
    fn the_pro_rata_division_adds_up_to_the_total_exactly(
        s in scenario(), sel in selection(), line in line(), cents in 0i64..=1_000_000_000_000,
    ) {
        let d = data();
        let mut s = s;
        let total = Decimal::new(cents, 2);
        match s.apply(d, sel, line, Change::Total(total)) {
            Err(ScenarioError::AboveMaxRise) => return Ok(()),
            other => other.unwrap(),
        }
        prop_assert_eq!(s.inkoop_of(d, sel).get(line), total);
        for g in sel.gemeenten(d) {
            prop_assert!(s.inkoop(g).get(line) >= Decimal::ZERO);
        }
    }

    #[test]
    fn a_link_restores_exactly_what_it_was_made_from(
        edits in edits(), sel in selection(), p in parameters(),
        pad in prop::array::uniform3(prop::option::of(precise_percent())),
        vergelijk in prop::collection::vec(("[A-Za-z0-9 &é=%+]{1,12}", "(gemeente=Groningen&)?wijziging=-[0-9]{1,2}"), 0..=3),
        doel in prop::option::of((0i64..=10_000_000_000).prop_map(|c| Decimal::new(c, 2))),
        weergave in weergave(),
    ) {
        let d = data();
        let mut scenario = Scenario::status_quo(d);
        for edit in edits {
            match edit {
                // Refused edits (above +1000 %) change nothing, as in the UI.
                Edit::Selection(s, l, c) => {
                    let _ = scenario.apply(d, s, l, c);
                }
                Edit::Gemeente(g, l, a) => {
                    let _ = scenario.set_gemeente(d, g, l, a);
                }
            }
        }
        let vergelijk = vergelijk
            .into_iter()
            .filter_map(|(n, query)| {
                // A compared scenario is kept as the calculator writes it.
                let query = encode(d, &Session::of(decode(d, &query).0.inputs));
                mee_frictiekosten::text::saved::clean_name(&n).map(|naam| Compared { naam, query })
            })
            .collect();
        let inputs = Inputs { selection: sel, scenario, params: p, pad };
        let session = Session { inputs, vergelijk, doel_ongedekt: doel, weergave };
        let query = encode(d, &session);
        let (back, notices) = decode(d, &query);
        prop_assert!(notices.is_empty(), "{:?} from {}", notices, query);
        prop_assert_eq!(back, session, "{}", query);
    }

    #[test]
    fn links_of_ordinary_use_stay_within_what_servers_accept(
        sessions in prop::collection::vec(ordinary_inputs(), 4),
        names in prop::collection::vec("[A-Za-z ,−%0-9]{1,40}", 3),
        weergave in weergave(),
    ) {
        // The current scenario and three saved ones compared beside it, each built as a
        // person builds one, on a deep intranet path.
        let d = data();
        let base = "https://intranet.gemeente-voorbeeld.nl/afdeling/beleid/rekenhulp-mee/";
        let vergelijk = sessions[1..]
            .iter()
            .zip(&names)
            .filter_map(|(inputs, n)| {
                let naam = mee_frictiekosten::text::saved::clean_name(n)?;
                Some(Compared { naam, query: encode(d, &Session::of(inputs.clone())) })
            })
            .collect();
        let session = Session { inputs: sessions[0].clone(), vergelijk, doel_ongedekt: None, weergave };
        let query = encode(d, &session);
        prop_assert!(base.len() + 1 + query.len() <= MAX_LINK, "{} characters: {}", query.len(), query);
        let (back, notices) = decode(d, &query);
        prop_assert!(notices.is_empty());
        prop_assert_eq!(back, session);
    }

    #[test]
    fn the_bounds_of_every_input_never_overflow(
        rises in prop::collection::vec(prop_oneof![Just(dec_percent(-100)), Just(dec_percent(1000)), percent()], 408),
        extreme in prop::sample::select(vec![(1_000i64, 60i64, 100i64), (1_000_000, 0, 0), (1_000, 0, 100)]),
    ) {
        let d = data();
        let mut s = Scenario::status_quo(d);
        for (g, p) in d.gemeente_ids().zip(rises) {
            s.apply(d, Selection::Gemeente(g), Line::Co, Change::Percent(p)).unwrap();
            s.apply(d, Selection::Gemeente(g), Line::Ivh, Change::Percent(p)).unwrap();
        }
        let (fte, months, pct) = extreme;
        let p = [
            (ParamKey::FteKosten, Decimal::from(fte)),
            (ParamKey::MaandenPersoneel, Decimal::from(months)),
            (ParamKey::Huisvesting, Decimal::from(pct)),
            (ParamKey::MaandenHuisvesting, Decimal::from(months)),
            (ParamKey::Reserves, Decimal::from(pct)),
        ]
        .into_iter()
        .fold(Parameters::default(), |p, (k, v)| p.with(k, v).unwrap());
        let outcome = calculate(d, &s, &p);
        let nl = outcome.selection(d, Selection::Nederland);
        let organisaties: Figures = d.organisatie_ids().map(|o| *outcome.organisatie(o)).sum();
        prop_assert_eq!(nl, organisaties);
        prop_assert!(nl.frictiekosten >= Decimal::ZERO && nl.ongedekt >= Decimal::ZERO);
    }

    #[test]
    fn every_year_of_a_path_adds_up_per_organisation(
        s in scenario(), p in parameters(), sel in selection(),
        path in prop::array::uniform3(prop::option::of(percent())),
    ) {
        let d = data();
        let years = mee_frictiekosten::model::pad::years(d, &s, sel, &path).unwrap();
        for outcome in mee_frictiekosten::model::pad::calculate_path(d, &years, &p) {
            for o in d.organisatie_ids() {
                let summed: Figures = d.organisatie(o).gemeenten.iter().map(|&g| *outcome.gemeente(g)).sum();
                prop_assert_eq!(&summed, outcome.organisatie(o));
            }
        }
    }
}

proptest! {
    // Each case computes 32 corners and several goal-seek steps: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(common::cases(1_000)))]

    #[test]
    fn analysis_monotonicity_holds_and_goal_seeks_verify_themselves(
        s in scenario(), sel in selection(), p in parameters(), target in 0i64..=2_000_000,
    ) {
        use mee_frictiekosten::model::analysis::{self, Figure, MensVolgtWerk};
        let d = data();
        let cent = Decimal::new(1, 2);
        let at = |key: ParamKey, v: Decimal, figure: Figure| {
            let p = p.clone().with(key, v).unwrap();
            let f = calculate(d, &s, &p).selection(d, sel);
            if figure == Figure::Ongedekt { f.ongedekt } else { f.frictiekosten }
        };
        // Frictiekosten rise with the months and the housing share; fte_kosten cancels out;
        // ongedekt falls as reserves rise. Tested at the bounds §9 uses.
        for (key, lo, hi) in analysis::bounds(&p) {
            let (a, b) = (at(key, lo, Figure::Frictiekosten), at(key, hi, Figure::Frictiekosten));
            match key {
                ParamKey::FteKosten => prop_assert!((a - b).abs() <= cent),
                ParamKey::Reserves => prop_assert!(at(key, lo, Figure::Ongedekt) + cent >= at(key, hi, Figure::Ongedekt)),
                _ => prop_assert!(a <= b + cent, "{:?}: {} > {}", key, a, b),
            }
        }
        let range = analysis::range(d, &s, sel, &p, Figure::Ongedekt);
        let point = calculate(d, &s, &p).selection(d, sel).ongedekt;
        prop_assert!(range.low <= point + cent && point <= range.high + cent);
        let target = Decimal::from(target);
        if let MensVolgtWerk::Needed(share) = analysis::mens_volgt_werk_needed(d, &s, sel, &p, target) {
            prop_assert!(at(ParamKey::MensVolgtWerk, share, Figure::Ongedekt) <= target + cent);
        }
    }
}

fn dec_percent(p: i64) -> Decimal {
    Decimal::from(p)
}

proptest! {
    // Each case writes links of 408 gemeenten: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(common::cases(300)))]

    #[test]
    fn the_view_is_kept_in_a_link_that_must_leave_amounts_out(
        weergave in weergave(), sel in selection(), cents in prop::collection::vec(1i64..=99, 408),
    ) {
        use mee_frictiekosten::text::url::encode_within;
        let d = data();
        let mut session = Session::new(d);
        for (g, c) in d.gemeente_ids().zip(cents) {
            let amount = d.gemeente(g).budget_2014.co * Decimal::new(95, 2) + Decimal::new(c, 2);
            session.inputs.scenario.set_gemeente(d, g, Line::Co, amount).unwrap();
        }
        session.inputs.selection = sel;
        session.vergelijk = vec![Compared { naam: "A".into(), query: "wijziging=-5".into() }];
        session.weergave = weergave;
        let base = "https://intranet.gemeente-voorbeeld.nl/afdeling/beleid/rekenhulp-mee/";
        let written = encode_within(d, &session, MAX_LINK - base.len() - 1);
        prop_assert!(base.len() + 1 + written.query.len() <= MAX_LINK, "{} characters", written.query.len());
        prop_assert!(!written.complete());
        let (back, _) = decode(d, &written.query);
        prop_assert_eq!(back.weergave, session.weergave, "{}", written.query);
    }
}

//! The query string: the calculator's public interface (docs/model.md §7, the README's
//! "Links" section).
//!
//! Gemeenten link to and embed the calculator with these parameters, so reading is lenient
//! and never fails ([`decode`]: what it cannot use it skips, with a [`Notice`]), and writing
//! is exact and short ([`encode`]: `decode(encode(s)) == s` to the last decimal, the
//! scenario written as its layers).
//!
//! How a scenario is written, in the order it is read back:
//! 1. the area: `gemeente=`, `regio=` or `mee=` (none: Nederland);
//! 2. per budget line, a percentage for every gemeente in Nederland, when most gemeenten
//!    outside the area share one: `landelijk_wijziging=`, `landelijk_ivh_wijziging=`;
//! 3. per budget line, the area's change: `wijziging=` (a percentage) or `inkoop=` (a total
//!    divided pro rata), and the same for IVH;
//! 4. every gemeente whose inkoop 1–3 do not give: `gemeenten=naam:co:ivh;…`, each amount
//!    in euros or as a percentage of 2014 (`-13%`), empty where 1–3 give it;
//! 5. the assumptions that differ from their defaults, the afbouwpad, `doel_ongedekt=`,
//!    `vergelijk=`, `onvolledig=` and `embed=1`;
//! 6. what the page shows, where it differs from how the page opens (`weergave`):
//!    `kaart_maat=`, `sorteer=`, `open=` ….
//!
//! `host=` (the origin of a page that embeds the calculator) is read but never written.

mod decode;
mod encode;
mod host;
mod keys;
mod limits;
mod notice;
mod weergave;

pub use decode::{decode, decode_page};
pub use encode::{Written, encode, encode_within};
pub use host::{host, origin};
pub use keys::Key;
pub use limits::{MAX_GEMEENTEN, MAX_LINK, MAX_NOTICES, MAX_PARTS};
pub use notice::{Notice, Quoted};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::Line;
    use crate::model::inputs::{Compared, PageMode, Session};
    use crate::model::params::ParamKey;
    use crate::model::scenario::Change;
    use crate::model::selection::{Kind, Selection};
    use crate::model::testing::{data, find, gemeente};
    use rust_decimal_macros::dec;

    fn at(selection: Selection) -> Session {
        let mut session = Session::new(data());
        session.inputs.selection = selection;
        session
    }

    fn round_trip(session: &Session) -> String {
        let query = encode(data(), session);
        let (back, notices) = decode(data(), &query);
        assert!(notices.is_empty(), "{notices:?} from {query}");
        assert_eq!(&back, session, "{query}");
        query
    }

    #[test]
    fn reads_the_documented_parameters() {
        let (session, mode, notices) =
            decode_page(data(), "?gemeente=groningen&wijziging=-13&huisvesting=20&embed=1&kaart=1");
        assert!(notices.is_empty(), "{notices:?}");
        let inputs = &session.inputs;
        assert_eq!(inputs.selection, find(Kind::Gemeente, "Groningen"));
        assert_eq!(inputs.scenario.percent_of(data(), inputs.selection, Line::Co), Some(dec!(-13)));
        assert_eq!(inputs.params.get(ParamKey::Huisvesting), dec!(20));
        assert_eq!(mode, PageMode { embed: true, kaart: true });
        // The layout is the page's, not the session's: a link written from it leaves it out.
        assert_eq!(decode(data(), &encode(data(), &session)).0, session);
        assert!(!encode(data(), &session).contains("embed"));
        assert_eq!(decode_page(data(), "gemeente=Assen").1, PageMode::default());
    }

    #[test]
    fn dutch_comma_or_point_and_any_case_or_accents() {
        let (a, _) = decode(data(), "regio=GRONINGEN&wijziging=-13,5");
        let (b, _) = decode(data(), "regio=Groningen&wijziging=-13.5");
        assert_eq!(a, b);
        let (c, n) = decode(data(), "gemeente=Sudwest%20Fryslan");
        assert!(n.is_empty());
        assert_eq!(c.inputs.selection.naam(data()), "Súdwest Fryslân");
    }

    #[test]
    fn in_a_link_one_point_is_a_decimal_point() {
        let (a, _) = decode(data(), "gemeente=Groningen&wijziging=264.572&fte_kosten=64454.5");
        let a = a.inputs;
        assert_eq!(a.scenario.percent_of(data(), a.selection, Line::Co), Some(dec!(264.572)));
        assert_eq!(a.params.get(ParamKey::FteKosten), dec!(64454.5));
        let (b, _) = decode(data(), "gemeente=Groningen&inkoop=1.500.000");
        assert_eq!(b.inputs.scenario.inkoop_of(data(), b.inputs.selection).co, dec!(1500000));
        let (c, _) = decode(data(), "gemeente=Groningen&inkoop=1.500.000,50");
        assert_eq!(c.inputs.scenario.inkoop_of(data(), c.inputs.selection).co, dec!(1500000.50));
    }

    #[test]
    fn inkoop_wins_over_wijziging() {
        let (session, notices) = decode(data(), "mee=MEE+Groningen&wijziging=-50&inkoop=5000000");
        assert_eq!(session.inputs.scenario.inkoop_of(data(), session.inputs.selection).co, dec!(5000000));
        assert_eq!(notices, [Notice::Overruled { ignored: Key::Wijziging, winner: Key::Inkoop }]);
    }

    #[test]
    fn an_area_is_read_as_the_search_reads_it_and_a_lost_one_changes_nothing() {
        let (session, notices) = decode(data(), "mee=Drenthe&wijziging=-10");
        assert_eq!(session.inputs.selection, find(Kind::Organisatie, "MEE Drenthe"));
        assert!(notices.contains(&Notice::AreaRead { given: Quoted::new("Drenthe"), naam: "MEE Drenthe".into() }));
        assert!(session.inputs.scenario != Session::new(data()).inputs.scenario, "the change applies to MEE Drenthe");
        // Not found: Nederland, as it was in 2014, and why.
        let (session, notices) = decode(data(), "mee=Nergensland&wijziging=-10&pad_2016=-20&landelijk_wijziging=-1");
        assert_eq!(session.inputs.selection, Selection::Nederland);
        assert!(notices.contains(&Notice::UnknownArea(Kind::Organisatie, Quoted::new("Nergensland"))));
        assert!(notices.contains(&Notice::NotForLostArea(Key::Wijziging)));
        assert!(notices.contains(&Notice::NotForLostArea(Key::PAD[0])));
        assert_eq!(session.inputs.pad, [None; 3]);
        let (with_landelijk, _) = decode(data(), "landelijk_wijziging=-1");
        assert_eq!(session.inputs.scenario, with_landelijk.inputs.scenario, "only the landelijk change, meant for all");
        // Several fit: none is chosen.
        let (session, notices) = decode(data(), "gemeente=Berg&wijziging=-10");
        assert_eq!(session.inputs.selection, Selection::Nederland);
        assert!(notices.iter().any(|n| matches!(n, Notice::AmbiguousArea(..))), "{notices:?}");
    }

    #[test]
    fn ignores_what_it_cannot_use_with_a_notice() {
        let (session, notices) =
            decode(data(), "gemeente=Atlantis&wijziging=abc&reserves=150&foo=bar&embed=ja&gemeenten=Nergens:5");
        assert_eq!(session, Session::new(data()));
        assert_eq!(notices.len(), 6, "{notices:#?}");
        assert_eq!(notices[0], Notice::UnknownKey(Quoted::new("foo")));
        assert!(notices.contains(&Notice::UnknownArea(Kind::Gemeente, Quoted::new("Atlantis"))));
        // Said of an area that is not found, so never applied elsewhere (whatever its value).
        assert!(notices.contains(&Notice::NotForLostArea(Key::Wijziging)));
        assert!(notices.iter().any(|n| matches!(n, Notice::Ignored { key: Key::Param(ParamKey::Reserves), .. })));
        assert!(notices.contains(&Notice::UnknownGemeente(Quoted::new("Nergens"))));
        assert!(notices.contains(&Notice::BadSwitch(Key::Embed, Quoted::new("ja"))));
        assert!(notices.iter().any(|n| n.to_string().contains("‘reserves’") && n.to_string().contains("100%")));
    }

    #[test]
    fn rough_links_get_one_clear_notice_each() {
        let (_, n) = decode(data(), "wijziging=-1&wijziging=-2&wijziging=-3");
        assert_eq!(n, [Notice::Repeated(Key::Wijziging)]);
        let (_, n) = decode(data(), "gemeenten=;:::");
        assert_eq!(n, [Notice::GemeenteWithoutName]);
        let (_, n) = decode(data(), "gemeente=Groningen&wijziging=-13&inkoop=1000000");
        assert_eq!(n[0].to_string(), "‘wijziging’ is niet gebruikt: ‘inkoop’ in dezelfde link gaat voor.");
    }

    #[test]
    fn an_empty_value_does_not_hide_the_next_one() {
        let (session, notices) = decode(data(), "gemeente=&gemeente=Groningen");
        assert_eq!(session.inputs.selection, find(Kind::Gemeente, "Groningen"));
        assert_eq!(notices, [Notice::Empty(Key::Gemeente)]);
        assert_eq!(notices[0].to_string(), "‘gemeente’ in de link heeft geen waarde; genegeerd.");
    }

    #[test]
    fn a_gemeente_named_twice_keeps_its_first_amounts() {
        let (session, notices) = decode(data(), "gemeenten=Haren:300000:;haren:1:");
        assert_eq!(session.inputs.scenario.inkoop(gemeente("Haren")).co, dec!(300000));
        assert_eq!(notices, [Notice::GemeenteRepeated("Haren".into())]);
    }

    #[test]
    fn a_gemeente_value_is_written_in_its_shorter_form() {
        let d = data();
        let mut session = Session::new(d);
        let haren = gemeente("Haren");
        let budget = d.gemeente(haren).budget_2014.co;
        for (amount, written) in [(budget * dec!(0.9), "-10%"), (dec!(100000), "100000")] {
            session.inputs.scenario.set_gemeente(d, haren, Line::Co, amount).unwrap();
            let query = round_trip(&session);
            assert_eq!(query, format!("gemeenten=Haren:{}:", written.replace('%', "%25")));
        }
    }

    #[test]
    fn a_hostile_link_gets_a_few_short_notices() {
        let long = "x".repeat(5000);
        let query: String = (0..100).map(|i| format!("k{i}={long}&")).collect::<String>() + &format!("gemeente={long}");
        let (session, notices) = decode(data(), &query);
        assert_eq!(session.inputs.selection, Selection::Nederland);
        assert_eq!(notices.len(), MAX_NOTICES);
        assert!(notices.iter().all(|n| n.to_string().chars().count() < 200), "{notices:?}");
    }

    #[test]
    fn reading_stops_after_the_most_parts_a_link_can_have() {
        let query = "gemeente=Groningen&".to_string() + &"verloop=1&".repeat(MAX_PARTS) + "wijziging=-13";
        let (session, notices) = decode(data(), &query);
        assert_eq!(session.inputs.selection, find(Kind::Gemeente, "Groningen"));
        assert_eq!(session.inputs.scenario.percent_of(data(), session.inputs.selection, Line::Co), Some(dec!(0)));
        assert_eq!(notices, [Notice::Repeated(Key::Param(ParamKey::Verloop)), Notice::TooManyParts]);
        let list = "Haren:1:;".repeat(MAX_GEMEENTEN + 10);
        let (_, notices) = decode(data(), &format!("gemeenten={list}"));
        assert!(notices.iter().any(|n| matches!(n, Notice::GemeenteRepeated(_))));
    }

    #[test]
    fn writes_the_simple_parameters() {
        let groningen = find(Kind::Gemeente, "Groningen");
        let mut session = at(groningen);
        session.inputs.scenario.apply(data(), groningen, Line::Co, Change::Percent(dec!(-13))).unwrap();
        session.inputs.params.set(ParamKey::Verloop, dec!(2.5)).unwrap();
        assert_eq!(round_trip(&session), "gemeente=Groningen&wijziging=-13&verloop=2.5");
        session.inputs.scenario.apply(data(), groningen, Line::Ivh, Change::Total(dec!(20000))).unwrap();
        // 20.000 of 22.364 is no percentage a link can carry exactly: written as an amount.
        assert_eq!(round_trip(&session), "gemeente=Groningen&wijziging=-13&ivh=20000&verloop=2.5");
        assert_eq!(encode(data(), &Session::new(data())), "");
        session.inputs.pad = [Some(dec!(-10)), None, Some(dec!(-20))];
        assert!(round_trip(&session).ends_with("&verloop=2.5&pad_2016=-10&pad_2018=-20"));
    }

    #[test]
    fn a_pro_rata_total_is_written_as_inkoop() {
        let mee = find(Kind::Organisatie, "MEE Groningen");
        let mut session = at(mee);
        session.inputs.scenario.apply(data(), mee, Line::Co, Change::Total(dec!(5000000.01))).unwrap();
        assert_eq!(round_trip(&session), "mee=MEE+Groningen&inkoop=5000000.01");
    }

    #[test]
    fn edits_the_area_change_cannot_express_go_into_gemeenten_readably() {
        let regio = find(Kind::Jeugdregio, "Groningen");
        let mut session = at(regio);
        let scenario = &mut session.inputs.scenario;
        scenario.apply(data(), regio, Line::Co, Change::Percent(dec!(-10))).unwrap();
        scenario.set_gemeente(data(), gemeente("Haren"), Line::Co, dec!(300000)).unwrap();
        scenario.apply(data(), Selection::Gemeente(gemeente("Assen")), Line::Ivh, Change::Percent(dec!(-7.5))).unwrap();
        assert_eq!(round_trip(&session), "regio=Groningen&wijziging=-10&gemeenten=Assen::-7.5%25;Haren:300000:");
    }

    #[test]
    fn the_national_picture_seen_from_groningen_is_a_short_link() {
        let d = data();
        let mut session = Session::new(d);
        let p = crate::model::scenario::monitor_percentage(d);
        for line in Line::ALL {
            session.inputs.scenario.apply(d, Selection::Nederland, line, Change::Percent(p)).unwrap();
        }
        session.inputs.selection = find(Kind::Gemeente, "Groningen");
        assert_eq!(
            round_trip(&session),
            format!("gemeente=Groningen&landelijk_wijziging={p}&landelijk_ivh_wijziging={p}")
        );
    }

    #[test]
    fn a_name_with_a_comma_survives() {
        let mut session = Session::new(data());
        session
            .inputs
            .scenario
            .set_gemeente(data(), gemeente("nuenen, gerwen en nederwetten"), Line::Co, dec!(1))
            .unwrap();
        assert_eq!(round_trip(&session), "gemeenten=Nuenen,+Gerwen+en+Nederwetten:1:");
    }

    #[test]
    fn a_link_too_long_for_a_server_leaves_out_what_it_must_and_says_so() {
        let d = data();
        let mut session = Session::new(d);
        for (i, g) in d.gemeente_ids().enumerate() {
            let amount = d.gemeente(g).budget_2014.co * dec!(0.5) + rust_decimal::Decimal::new(i as i64, 2);
            session.inputs.scenario.set_gemeente(d, g, Line::Co, amount).unwrap();
        }
        session.inputs.params.set(ParamKey::Verloop, dec!(2)).unwrap();
        session.vergelijk = vec![Compared { naam: "A".into(), query: "wijziging=-5".into() }];
        assert!(encode(d, &session).len() > MAX_LINK);
        let written = encode_within(d, &session, MAX_LINK);
        assert!(written.query.len() <= MAX_LINK);
        assert_eq!((written.left_out_gemeenten, written.left_out_vergelijk), (408, 0));
        assert_eq!(written.query, "verloop=2&vergelijk=A%3Dwijziging%253D-5&onvolledig=408");
        let (back, notices) = decode(d, &written.query);
        assert_eq!(notices, [Notice::Incomplete(408)]);
        assert_eq!(back.inputs.params, session.inputs.params);
        let fits = encode_within(d, &Session::new(d), MAX_LINK);
        assert!(fits.complete() && fits.query.is_empty());
    }

    #[test]
    fn compared_scenarios_that_are_broken_or_too_many_are_said_so() {
        let (session, notices) = decode(data(), "vergelijk=abc");
        assert!(session.vergelijk.is_empty());
        assert_eq!(notices, [Notice::CompareEntry(Quoted::new("abc"))]);
        let (session, notices) = decode(data(), "vergelijk=A%3D%26B%3Dwijziging%253D-5%26C%3D%26D%3D%26E%3D");
        assert_eq!(session.vergelijk.len(), 3);
        assert_eq!(notices, [Notice::CompareTooMany(2)]);
        let (_, notices) = decode(data(), "vergelijk=A%3Dwijziging%253Dabc");
        assert_eq!(notices, [Notice::CompareNotices { naam: Quoted::new("A"), count: 1 }]);
        let (session, notices) = decode(data(), "vergelijk=Status+quo%3D");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(session.vergelijk, [Compared { naam: "Status quo".into(), query: String::new() }]);
    }

    #[test]
    fn the_view_is_written_where_it_differs_and_read_back() {
        use crate::model::weergave::{Column, Direction, Fold, Maat, OrgColumn, Schaal, Sort};
        let mut session = at(find(Kind::Jeugdregio, "Groningen"));
        assert_eq!(round_trip(&session), "regio=Groningen", "the view as the page opens it is not written");
        let w = &mut session.weergave;
        (w.kaart_maat, w.kaart_schaal, w.kaart_kies) = (Maat::Ongedekt, Schaal::Bedrag, Kind::Organisatie);
        w.bedragen = Line::Ivh;
        w.sorteer = Sort { column: Column::FrictiekostenAandeel, direction: Direction::Descending };
        w.set_filter("Nuenen, Gerwen & co");
        w.groep = true;
        w.sorteer_mee = Sort { column: OrgColumn::Organisatie, direction: Direction::Ascending };
        w.set_open(Fold::Berekening, true, false);
        w.set_open(Fold::Gemeenten, true, false);
        w.set_open(Fold::Aannames, false, true);
        assert_eq!(
            round_trip(&session),
            "regio=Groningen&kaart_maat=ongedekt&kaart_schaal=bedrag&kaart_kies=mee&bedragen=ivh\
             &sorteer=-frictiekosten_pct&filter=Nuenen,+Gerwen+%26+co&groep=mee&sorteer_mee=organisatie\
             &open=berekening,gemeenten&dicht=aannames"
        );
        // Words in any case; the documented example.
        let (read, notices) = decode(data(), "kaart_maat=FTE_VERLIES&sorteer=-Wijziging&open=afbouwpad");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(read.weergave.kaart_maat, Maat::FteVerlies);
        assert_eq!(read.weergave.sorteer, Sort { column: Column::Wijziging, direction: Direction::Descending });
        assert!(read.weergave.is_open(Fold::Afbouwpad, false));
    }

    #[test]
    fn a_view_word_it_does_not_know_is_ignored_with_the_words_it_does() {
        let query = "kaart_maat=rood&kaart_schaal=&kaart_kies=Nederland&bedragen=alles&sorteer=--gemeente\
                     &groep=1&sorteer_mee=wijziging&open=kaart,berekening&dicht=berekening,aannames";
        let (session, notices) = decode(data(), query);
        let mut expected = Session::new(data());
        expected.weergave.set_open(crate::model::weergave::Fold::Berekening, true, false);
        expected.weergave.set_open(crate::model::weergave::Fold::Aannames, false, true);
        assert_eq!(session, expected);
        assert_eq!(notices.len(), MAX_NOTICES, "{notices:#?}");
        assert_eq!(
            notices[0].to_string(),
            "‘kaart_schaal’ in de link heeft geen waarde; genegeerd.",
            "read in the order of the link: an empty value first"
        );
        assert_eq!(
            notices[1].to_string(),
            "‘kaart_maat’ in de link kan omzetdaling, frictiekosten, ongedekt of fte_verlies zijn, niet ‘rood’; genegeerd."
        );
        assert!(notices[4].to_string().contains("kan een kolom zijn (gemeente, budget_2014,"), "{}", notices[4]);
        assert!(notices.iter().any(|n| n.to_string().starts_with("En nog ")), "{notices:?}");
        let (_, notices) = decode(data(), "open=kaart&dicht=berekening&open=x");
        assert_eq!(notices[0], Notice::Repeated(Key::Open));
        assert_eq!(notices[1], Notice::BadChoice(Key::Open, Quoted::new("kaart")));
        let (_, notices) = decode(data(), "open=berekening&dicht=berekening");
        assert_eq!(notices, [Notice::Overruled { ignored: Key::Dicht, winner: Key::Open }]);
    }

    #[test]
    fn the_filter_is_one_short_line_of_visible_text() {
        let (session, notices) = decode(data(), "filter=%E2%80%AEnegninorG%E2%81%A6%0A%09++x");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(session.weergave.filter, "negninorG x", "no bidi controls or line breaks");
        let (session, notices) = decode(data(), &format!("filter={}", "é".repeat(61)));
        assert_eq!(session.weergave.filter, "");
        assert_eq!(notices, [Notice::TooLong(Key::Filter, 60)]);
        assert_eq!(notices[0].to_string(), "‘filter’ in de link is langer dan 60 tekens; genegeerd.");
        let (_, notices) = decode(data(), "filter=%E2%80%AE");
        assert_eq!(notices, [Notice::Empty(Key::Filter)]);
        // A hostile list is read for a few entries only.
        let (_, notices) = decode(data(), &format!("open={}", "x,".repeat(100_000)));
        assert!(notices.len() <= MAX_NOTICES);
    }

    #[test]
    fn no_gemeente_name_holds_the_separators_of_gemeenten() {
        assert!(data().gemeenten.iter().all(|g| !g.naam.contains([':', ';', '&', '='])));
    }
}

//! Fuzzing the parsers of untrusted input: typed numbers, the URL query, stored scenarios.
//!
//! libFuzzer (`cargo fuzz`) needs a nightly compiler, which this machine does not have, so
//! these are long random runs with proptest instead: arbitrary bytes, and structured inputs
//! built from every parameter of the URL interface with hostile values. The test command runs
//! a bounded number of cases; `scripts/fuzz.sh` runs a million per target and records it in
//! BENCHMARKS.md (`PROPTEST_CASES`). Inputs that once broke something live in
//! `tests/fuzz-corpus/` and are replayed on every run.

mod common;

use mee_frictiekosten::model::testing::data;
use mee_frictiekosten::text::notation::{Expect, parse};
use mee_frictiekosten::text::saved;
use mee_frictiekosten::text::url::{decode, encode};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// What must hold for any query string at all.
fn check_query(query: &str) -> Result<(), TestCaseError> {
    let (session, notices) = decode(data(), query);
    // Notices are few and short, whatever the input.
    prop_assert!(notices.len() <= 8);
    prop_assert!(notices.iter().all(|n| n.to_string().chars().count() < 300), "{:?}", notices);
    // The state is usable: the model runs and the link is stable.
    let inputs = &session.inputs;
    let figures = inputs.outcome(data()).selection(data(), inputs.selection);
    prop_assert!(figures.frictiekosten >= Decimal::ZERO);
    let link = encode(data(), &session);
    let (again, notices_again) = decode(data(), &link);
    prop_assert!(notices_again.is_empty(), "{:?} from {}", notices_again, link);
    prop_assert_eq!(again, session);
    Ok(())
}

/// Values meant to hurt: markup, huge, odd notation, broken escapes, other scripts.
fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string()),
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("-0".to_string()),
        Just("1e999".to_string()),
        Just("%FF%FE%00".to_string()),
        Just("%".to_string()),
        Just("9".repeat(40)),
        Just("x".repeat(10_000)),
        Just("Groningen:1:2;Haren:-5%:;::".to_string()),
        Just("A=wijziging%3D-5&B=gemeente%3DHaren&C=&D=x".to_string()),
        Just("\u{202E}Groningen\u{2066}".to_string()),
        "[-−+0-9.,%€ e]{0,20}",
        "\\PC{0,30}",
    ]
}

fn structured_query() -> impl Strategy<Value = String> {
    let keys = prop_oneof![
        Just("gemeente"),
        Just("regio"),
        Just("mee"),
        Just("wijziging"),
        Just("landelijk_wijziging"),
        Just("landelijk_ivh_wijziging"),
        Just("inkoop"),
        Just("ivh_wijziging"),
        Just("ivh"),
        Just("fte_kosten"),
        Just("maanden_personeel"),
        Just("huisvesting"),
        Just("maanden_huisvesting"),
        Just("mens_volgt_werk"),
        Just("verloop"),
        Just("reserves"),
        Just("gemeenten"),
        Just("embed"),
        Just("pad_2017"),
        Just("doel_ongedekt"),
        Just("vergelijk"),
        Just("onvolledig"),
        Just("kaart_maat"),
        Just("kaart_schaal"),
        Just("kaart_kies"),
        Just("bedragen"),
        Just("sorteer"),
        Just("filter"),
        Just("groep"),
        Just("sorteer_mee"),
        Just("open"),
        Just("dicht"),
        Just("onbekend"),
        Just(""),
    ];
    let names = prop_oneof![
        Just("Groningen".to_string()),
        Just("sudwest-fryslan".to_string()),
        Just("MEE Plus".to_string()),
        Just("West-Brabant-Oost".to_string()),
        Just("'s-Hertogenbosch".to_string()),
        Just("-frictiekosten_pct".to_string()),
        Just("FTE_verlies".to_string()),
        Just("gemeenten,aannames,,berekening,x".to_string()),
        Just(format!(" {} ", "é".repeat(60))),
        hostile_value(),
    ];
    let value = prop_oneof![names, hostile_value()];
    prop::collection::vec((keys, value), 0..12).prop_map(|pairs| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            query.append_pair(k, &v);
        }
        query.finish()
    })
}

#[test]
fn corpus_of_inputs_that_once_hurt() {
    let corpus = include_str!("fuzz-corpus/queries.txt");
    for query in corpus.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        check_query(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    for text in include_str!("fuzz-corpus/numbers.txt").lines() {
        for expect in [Expect::AMOUNT, Expect::PERCENT, Expect::PLAIN] {
            let _ = parse(text, expect);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(3_000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_query(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_query(&String::from_utf8_lossy(&bytes))?;
        // Raw bytes, not only valid UTF-8: the decoder sees what a browser might pass on.
        let (_, notices) = decode(data(), &bytes.iter().map(|&b| char::from(b)).collect::<String>());
        prop_assert!(notices.len() <= 8);
    }

    #[test]
    fn every_parameter_with_hostile_values(query in structured_query()) {
        check_query(&query)?;
    }

    #[test]
    fn any_text_as_stored_scenarios(
        text in "\\PC{0,200}",
        lines in prop::collection::vec(("[a-z0-9-]{0,8}", "\\PC{0,20}", "\\PC{0,12}", structured_query()), 0..8),
        v1 in any::<bool>(),
        keys in prop::collection::vec(("[a-z0-9 -]{0,8}", "[0-9]{0,3}", "\\PC{0,60}"), 0..6),
    ) {
        let header = if v1 { saved::HEADER_V1 } else { saved::HEADER };
        let body: Vec<String> = lines
            .iter()
            .map(|(id, n, d, q)| if v1 { format!("{n}\t{d}\t{q}") } else { format!("{id}\t{n}\t{d}\t{q}") })
            .collect();
        let stored = format!("{header}\n{}", body.join("\n"));
        let values: Vec<(String, String)> =
            keys.iter().map(|(id, volgorde, rest)| (saved::key(id), format!("{volgorde}\t{rest}"))).collect();
        let none: Vec<(String, String)> = Vec::new();
        for (keys, old) in [(&none, Some(text.as_str())), (&none, Some(stored.as_str())), (&values, None)] {
            let store = saved::Store::read(keys, old);
            prop_assert!(store.saved().len() <= saved::MAX_SAVED);
            prop_assert!(store.notice().is_none_or(|n| n.chars().count() < 200));
            for s in store.saved() {
                prop_assert!(!s.naam.is_empty() && !s.naam.contains(['\t', '\n']));
                let (_, notices) = decode(data(), &s.query);
                prop_assert!(notices.len() <= 8);
                // What is written for it reads back the same.
                let again = saved::parse(&saved::key(&s.id), &saved::value(s));
                prop_assert_eq!(again.as_ref(), Some(s));
            }
            // Moved to keys of their own, the old text lists the same scenarios; whatever
            // could not be read is set aside.
            if let Some(old) = old {
                let moved = saved::migration(old);
                let listed = saved::Store::read(&moved.writes, None);
                prop_assert_eq!(listed.saved(), store.saved());
                prop_assert_eq!(moved.set_aside, store.notice().is_some());
            }
        }
    }

    #[test]
    fn any_text_as_a_number(text in "\\PC{0,60}", bytes in prop::collection::vec(any::<u8>(), 0..60)) {
        for expect in [Expect::AMOUNT, Expect::PERCENT, Expect::PLAIN] {
            for input in [text.as_str(), &String::from_utf8_lossy(&bytes)] {
                if let Ok(value) = parse(input, expect) {
                    prop_assert!(value.abs() < Decimal::from(1_000_000_000_000_000i64));
                }
            }
        }
    }
}

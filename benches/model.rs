//! Native timings of the calculation core (scripts/bench.sh records them in BENCHMARKS.md):
//! the full national recompute behind every keystroke, the bandbreedte after a pause, the
//! data parse at start-up, and writing and reading links, the largest the calculator writes
//! and hostile ones.

use mee_frictiekosten::model::analysis;
use mee_frictiekosten::model::calculation::calculate;
use mee_frictiekosten::model::data::{Dataset, EMBEDDED_CSV, Line};
use mee_frictiekosten::model::inputs::{Compared, Session};
use mee_frictiekosten::model::params::Parameters;
use mee_frictiekosten::model::scenario::monitor_percentage;
use mee_frictiekosten::model::scenario::{Change, Scenario};
use mee_frictiekosten::model::selection::Selection;
use mee_frictiekosten::text::url;

fn main() {
    divan::main();
}

fn monitor_scenario(data: &Dataset) -> Scenario {
    let mut scenario = Scenario::status_quo(data);
    for line in Line::ALL {
        scenario.apply(data, Selection::Nederland, line, Change::Percent(monitor_percentage(data))).unwrap();
    }
    scenario
}

/// Every organisation and every gemeente, with attribution: what one keystroke costs.
#[divan::bench]
fn recompute_nederland(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let (scenario, params) = (monitor_scenario(data), Parameters::default());
    bencher.bench(|| calculate(divan::black_box(data), divan::black_box(&scenario), &params));
}

/// The bandbreedte of Nederland: 33 parameter sets over the 22 organisations, most of the
/// wasm's own work after a pause in typing (BENCHMARKS.md).
#[divan::bench]
fn bandbreedte_nederland(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let (scenario, params) = (monitor_scenario(data), Parameters::default());
    bencher
        .bench(|| analysis::ranges(divan::black_box(data), divan::black_box(&scenario), Selection::Nederland, &params));
}

/// Parsing the embedded table, once at start-up.
#[divan::bench]
fn parse_data() -> Dataset {
    Dataset::parse_csv(divan::black_box(EMBEDDED_CSV)).unwrap()
}

/// Writing the state to the address bar, after every change.
#[divan::bench]
fn encode_link(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let mut session = Session::new(data);
    session.inputs.scenario = monitor_scenario(data);
    bencher.bench(|| url::encode(data, divan::black_box(&session)));
}

/// The largest link the calculator writes (saved scenarios and the history entry keep it
/// whole): every gemeente with amounts of its own on both lines, every parameter and year
/// of the afbouwpad set, and three such scenarios compared.
fn largest_link(data: &Dataset) -> String {
    let mut session = Session::new(data);
    for (i, g) in data.gemeente_ids().enumerate() {
        let budget = data.gemeente(g).budget_2014;
        let odd = rust_decimal::Decimal::new(i as i64 * 7 + 3, 2);
        session
            .inputs
            .scenario
            .set_gemeente(data, g, Line::Co, budget.co * rust_decimal::Decimal::new(9, 1) + odd)
            .unwrap();
        session.inputs.scenario.set_gemeente(data, g, Line::Ivh, budget.ivh + odd).unwrap();
    }
    for key in mee_frictiekosten::model::params::ParamKey::ALL {
        let spec = key.spec();
        session.inputs.params.set(key, (spec.min + spec.max) / rust_decimal::Decimal::TWO).unwrap();
    }
    session.inputs.pad =
        [Some(rust_decimal::Decimal::new(-1013, 1)); 3].map(|p| p.map(|p| p / rust_decimal::Decimal::TEN));
    let one = url::encode(data, &session);
    session.vergelijk = (1..=3).map(|i| Compared { naam: format!("Scenario {i}"), query: one.clone() }).collect();
    url::encode(data, &session)
}

/// Reading the largest link the calculator writes.
#[divan::bench]
fn decode_largest_link(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let link = largest_link(data);
    assert!(link.len() > 40_000, "{}", link.len());
    bencher.bench(|| url::decode(data, divan::black_box(&link)));
}

/// Reading a megabyte of `gemeenten=` (one name, 80 000 times): bounded to what a link holds.
#[divan::bench]
fn decode_hostile_megabyte(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let query = format!("gemeenten={}", "Groningen:1:;".repeat(80_000));
    assert!(query.len() > 1_000_000);
    bencher.bench(|| url::decode(data, divan::black_box(&query)));
}

/// Reading a megabyte of parts that are not parameters at all.
#[divan::bench]
fn decode_hostile_megabyte_of_parts(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let query = "onbekend=x&".repeat(100_000);
    bencher.bench(|| url::decode(data, divan::black_box(&query)));
}

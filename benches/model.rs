//! Native timings of the calculation core (scripts/bench.sh records them in BENCHMARKS.md):
//! the full national recompute behind every keystroke, and the data parse at start-up.

use mee_frictiekosten::data::{Dataset, EMBEDDED_CSV, Line};
use mee_frictiekosten::model::calculate;
use mee_frictiekosten::params::Parameters;
use mee_frictiekosten::presets::monitor_percentage;
use mee_frictiekosten::scenario::{Change, Scenario};
use mee_frictiekosten::selection::Selection;
use mee_frictiekosten::url;

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

/// Parsing the embedded table, once at start-up.
#[divan::bench]
fn parse_data() -> Dataset {
    Dataset::parse_csv(divan::black_box(EMBEDDED_CSV)).unwrap()
}

/// Writing the state to the address bar, after every change.
#[divan::bench]
fn encode_link(bencher: divan::Bencher) {
    let data = Dataset::embedded().unwrap();
    let state = url::UrlState { scenario: monitor_scenario(data), ..url::UrlState::new(data) };
    bencher.bench(|| url::encode(data, divan::black_box(&state)));
}

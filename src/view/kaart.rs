//! The map as values: which class each gemeente falls in for a measure, the legend, a text
//! summary of the same, and how the keyboard moves over the map. The `ui` layer draws the
//! shapes of `crate::text::kaart` in these classes.
//!
//! Classes: a gemeente without a cut is "geen daling", apart from the rest; the others fall
//! in up to [`KLASSEN`] classes by natural breaks (Jenks), each labelled with the range of
//! its gemeenten's values. Not equal steps or quintiles: amounts per gemeente span three
//! orders of magnitude (Amsterdam against Schiermonnikoog), and with one cut for nearly
//! all, hundreds of gemeenten lie within a few tenths of a percent while the one that cut
//! deeper stands out; natural breaks show both. Where every gemeente loses the same share,
//! there is one class, and the legend says so. Classes that together differ by less than
//! 5 % of the mean are one class (`view::kaart_klassen`, the small-spread rule).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::calculation::Outcome;
use crate::model::data::{Dataset, GemeenteId, fold};
use crate::model::selection::Selection;
use crate::text::format;
use crate::text::kaart::{Bounds, Kaart};
use crate::view::kaart_klassen as klassen;
use crate::view::measure::{Maat, Schaal};

/// The most classes beside "geen daling": five is what a reader tells apart in one hue.
pub const KLASSEN: usize = 5;

/// One class of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Klasse {
    /// 0 is "geen daling"; 1 to [`KLASSEN`] from low to high.
    pub number: usize,
    pub label: String,
    pub count: usize,
}

/// The map coloured by one measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colouring {
    pub maat: Maat,
    pub schaal: Schaal,
    /// Per gemeente (by id): the class number.
    pub klasse: Vec<usize>,
    /// Per gemeente: its value as the page writes it.
    pub values: Vec<String>,
    /// "geen daling" first, then the classes from low to high.
    pub legend: Vec<Klasse>,
    /// The same in one paragraph, for the page and for a screen reader.
    pub summary: String,
}

impl Colouring {
    /// "Assen: 3,1%", a shape's accessible name and its tooltip.
    pub fn name_and_value(&self, data: &Dataset, g: GemeenteId) -> String {
        format!("{}: {}", data.gemeente(g).naam, self.values[g.index()])
    }
}

/// The decimals a measure is shown with: what is shown is what is classed, so a gemeente
/// shown as "€ 0" is never in a class above "geen daling".
fn decimals(maat: Maat, schaal: Schaal) -> u32 {
    match (schaal, maat) {
        (Schaal::Aandeel, _) => 2,
        (Schaal::Bedrag, Maat::FteVerlies) => 1,
        (Schaal::Bedrag, _) => 0,
    }
}

/// Where each class after the first begins in `sorted` (ascending): Jenks' natural breaks,
/// computed exactly (Fisher's dynamic programme): of all ways to cut the sorted values into
/// at most [`KLASSEN`] runs, the one with the least squared deviation within the runs. A cut
/// never falls between equal values, so there are no more classes than distinct values.
///
/// The deviations are `f64`: they only rank ways of cutting. Every number shown comes from
/// the values themselves, which stay `Decimal`.
fn breaks(sorted: &[Decimal]) -> Vec<usize> {
    let n = sorted.len();
    let cuttable: Vec<usize> = (1..n).filter(|&i| sorted[i] != sorted[i - 1]).collect();
    let k = KLASSEN.min(cuttable.len() + 1);
    if k <= 1 {
        return Vec::new();
    }
    if k == cuttable.len() + 1 {
        return cuttable;
    }
    let x: Vec<f64> = sorted.iter().map(|d| rust_decimal::prelude::ToPrimitive::to_f64(d).unwrap_or(0.0)).collect();
    let (mut s1, mut s2) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    for i in 0..n {
        s1[i + 1] = s1[i] + x[i];
        s2[i + 1] = s2[i] + x[i] * x[i];
    }
    // Squared deviation of values i..j (end exclusive) from their mean.
    let ssd = |i: usize, j: usize| {
        let (sum, count) = (s1[j] - s1[i], (j - i) as f64);
        s2[j] - s2[i] - sum * sum / count
    };
    // cost[m][j]: the best cut of the first j values into m + 1 runs; from[m][j]: where its
    // last run begins.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; k];
    let mut from = vec![vec![0usize; n + 1]; k];
    for (j, c) in cost[0].iter_mut().enumerate().skip(1) {
        *c = ssd(0, j);
    }
    for m in 1..k {
        for j in m + 1..=n {
            for &i in cuttable.iter().take_while(|&&i| i < j) {
                let c = cost[m - 1][i] + ssd(i, j);
                if c < cost[m][j] {
                    (cost[m][j], from[m][j]) = (c, i);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(k - 1);
    let mut j = n;
    for m in (1..k).rev() {
        j = from[m][j];
        out.push(j);
    }
    out.reverse();
    out
}

/// The map for a measure on a scale, from the outcome the panels show.
pub fn colouring(data: &Dataset, outcome: &Outcome, maat: Maat, schaal: Schaal) -> Colouring {
    let dp = decimals(maat, schaal);
    let values: Vec<Decimal> = data
        .gemeente_ids()
        .map(|g| {
            maat.value(outcome.gemeente(g), schaal).round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        })
        .collect();
    let positive: Vec<usize> = (0..values.len()).filter(|&i| values[i] > Decimal::ZERO).collect();
    let order =
        crate::model::sort::sorted_positions(positive.len(), &|a, b| values[positive[a]].cmp(&values[positive[b]]));
    let ascending: Vec<usize> = order.into_iter().map(|i| positive[i]).collect();
    let sorted: Vec<Decimal> = ascending.iter().map(|&i| values[i]).collect();
    let mut starts = vec![0];
    starts.extend(breaks(&sorted));
    let starts = klassen::merge_close(&sorted, starts);
    let mut klasse = vec![0; values.len()];
    let shown_dp = klassen::shown_decimals(&values);
    let show = |v: Decimal| match schaal {
        Schaal::Aandeel => format::percent_fixed(v, shown_dp),
        Schaal::Bedrag => maat.display(v, schaal),
    };
    let mut legend = vec![Klasse { number: 0, label: "geen daling".into(), count: values.len() - sorted.len() }];
    if !sorted.is_empty() {
        for (c, &start) in starts.iter().enumerate() {
            let end = starts.get(c + 1).copied().unwrap_or(sorted.len());
            for &i in &ascending[start..end] {
                klasse[i] = c + 1;
            }
            let (low, high) = (sorted[start], sorted[end - 1]);
            let label = if low == high { show(low) } else { format::range(&show(low), &show(high)) };
            legend.push(Klasse { number: c + 1, label, count: end - start });
        }
    }
    let values: Vec<String> = values.iter().map(|&v| show(v)).collect();
    let klein = klassen::small_spread(&sorted) && legend.len() == 2;
    let summary = summary(data, maat, schaal, &ascending, &values, legend[0].count, klein);
    Colouring { maat, schaal, klasse, values, legend, summary }
}

fn summary(
    data: &Dataset,
    maat: Maat,
    schaal: Schaal,
    ascending: &[usize],
    values: &[String],
    geen: usize,
    klein: bool,
) -> String {
    let titel = maat.heading(schaal);
    let total = data.gemeenten.len();
    let geen = match geen {
        0 => "Elke gemeente heeft een daling.".to_string(),
        n if n == total => return format!("{titel}: geen enkele gemeente heeft een daling."),
        1 => "Eén gemeente heeft geen daling.".to_string(),
        n => format!("{n} van de {total} gemeenten hebben geen daling."),
    };
    let (Some(&first), Some(&last)) = (ascending.first(), ascending.last()) else { return geen };
    let naam = |i: usize| &data.gemeente(GemeenteId(i)).naam;
    if ascending.len() == 1 {
        return format!("{titel}: alleen {} heeft een daling ({}).", naam(first), values[first]);
    }
    if values[first] == values[last] {
        return match total - ascending.len() {
            0 => format!("{titel}: elke gemeente {}.", values[first]),
            _ => format!("{titel}: {geen} De andere {} gemeenten: elk {}.", ascending.len(), values[first]),
        };
    }
    if klein {
        let (low, high) = (&values[first], &values[last]);
        let alike = format!(
            "Dat verschil is klein (minder dan {} van het gemiddelde), dus de kaart geeft ze één kleur.",
            format::percent(klassen::SMALL_SPREAD_PERCENT)
        );
        return match total - ascending.len() {
            0 => format!("{titel}: elke gemeente {}. {alike}", format::between(low, high)),
            _ => format!(
                "{titel}: {geen} De andere {} gemeenten: {}. {alike}",
                ascending.len(),
                format::between(low, high)
            ),
        };
    }
    let top: Vec<String> = ascending.iter().rev().take(3).map(|&i| format!("{} ({})", naam(i), values[i])).collect();
    format!("{titel}: {geen} Het hoogst: {}.", top.join(", "))
}

/// A direction of an arrow key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compass {
    North,
    East,
    South,
    West,
}

impl Compass {
    pub fn of_key(key: &str) -> Option<Compass> {
        match key {
            "ArrowUp" => Some(Compass::North),
            "ArrowRight" => Some(Compass::East),
            "ArrowDown" => Some(Compass::South),
            "ArrowLeft" => Some(Compass::West),
            _ => None,
        }
    }
}

/// The gemeente an arrow key moves to: the nearest label point in that direction, where a
/// step sideways counts twice, so that "right" goes to the neighbour on the right and not
/// to one far up or down. `None` at the edge of the country.
pub fn neighbour(kaart: &Kaart, from: GemeenteId, heading: Compass) -> Option<GemeenteId> {
    let (x, y) = kaart.shape(from).label;
    let score = |(px, py): (i32, i32)| -> Option<i64> {
        let (dx, dy) = (i64::from(px - x), i64::from(py - y));
        let (ahead, aside) = match heading {
            Compass::North => (-dy, dx),
            Compass::South => (dy, dx),
            Compass::East => (dx, dy),
            Compass::West => (-dx, dy),
        };
        (ahead > 0 && aside.abs() <= 2 * ahead).then_some(ahead + 2 * aside.abs())
    };
    kaart
        .shapes()
        .iter()
        .enumerate()
        .filter_map(|(i, v)| score(v.label).map(|s| (s, i)))
        .min()
        .map(|(_, i)| GemeenteId(i))
}

/// Typing on the map: the first gemeente (alphabetically) whose name starts with what was
/// typed, ignoring case and accents; else the first whose name contains it.
pub fn find_typed(data: &Dataset, typed: &str) -> Option<GemeenteId> {
    let typed = fold(typed.trim_start());
    if typed.is_empty() {
        return None;
    }
    let names = || data.gemeente_ids().map(|g| (g, fold(&data.gemeente(g).naam)));
    names().find(|(_, n)| n.starts_with(&typed)).or_else(|| names().find(|(_, n)| n.contains(&typed))).map(|(g, _)| g)
}

/// What the map shows when zoomed in on an area: its gemeenten with a margin, in the
/// country's proportions (the drawing keeps its height, so the page does not jump), never
/// less than a fifth of the country's width (a small gemeente alone would fill the screen).
pub fn zoom_to(data: &Dataset, kaart: &Kaart, selection: Selection) -> Bounds {
    let gemeenten = selection.gemeenten(data);
    let Some(first) = gemeenten.first() else { return kaart.country };
    let k = gemeenten.iter().fold(kaart.shape(*first).bounds, |k, &g| k.join(kaart.shape(g).bounds));
    let country = kaart.country;
    let (w, h) = (i64::from(country.x1 - country.x0), i64::from(country.y1 - country.y0));
    let needed = i64::from(k.x1 - k.x0).max(i64::from(k.y1 - k.y0) * w / h).max(w / 5);
    let half_w = (needed * 6 / 10).max(1);
    let half_h = half_w * h / w;
    let (cx, cy) = ((i64::from(k.x0) + i64::from(k.x1)) / 2, (i64::from(k.y0) + i64::from(k.y1)) / 2);
    let clamp = |v: i64| i32::try_from(v).unwrap_or(0);
    Bounds { x0: clamp(cx - half_w), y0: clamp(cy - half_h), x1: clamp(cx + half_w), y1: clamp(cy + half_h) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calculation::calculate;
    use crate::model::data::Line;
    use crate::model::params::Parameters;
    use crate::model::scenario::{Change, Scenario};
    use crate::model::selection::Kind;
    use crate::model::testing::{data, find, gemeente};
    use rust_decimal_macros::dec;

    fn kaart() -> Kaart {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/kaart/gemeenten-2013.txt")).unwrap();
        crate::text::kaart::read(data(), &text).unwrap()
    }

    fn outcome(cuts: &[(Selection, Decimal)]) -> Outcome {
        let data = data();
        let mut scenario = Scenario::status_quo(data);
        for &(s, p) in cuts {
            for line in [Line::Co, Line::Ivh] {
                scenario.apply(data, s, line, Change::Percent(p)).unwrap();
            }
        }
        calculate(data, &scenario, &Parameters::default())
    }

    #[test]
    fn natural_breaks_set_an_outlier_apart_and_never_split_equal_values() {
        let d = |v: &[i64]| v.iter().map(|&x| Decimal::from(x)).collect::<Vec<_>>();
        // Four clusters and an outlier: a class each.
        assert_eq!(breaks(&d(&[1, 1, 2, 10, 11, 12, 20, 21, 40, 41, 100])), vec![3, 6, 8, 10]);
        // Many alike and two far above: the two are not lumped in with the many.
        let mut many = vec![1265; 400];
        many.extend([1266, 1270, 1280, 1293, 2252, 3221]);
        let b = breaks(&d(&many));
        assert_eq!(b.last(), Some(&(many.len() - 1)), "{b:?}");
        assert!(b.contains(&(many.len() - 2)), "{b:?}");
        // Equal values stay together; no more classes than distinct values.
        assert_eq!(breaks(&d(&[5, 5, 5, 7, 7])), vec![3]);
        assert_eq!(breaks(&d(&[5, 5, 5])), Vec::<usize>::new());
        assert_eq!(breaks(&[]), Vec::<usize>::new());
    }

    #[test]
    fn no_cut_is_geen_daling_and_the_hardest_hit_is_in_the_top_class() {
        let data = data();
        // Every gemeente of two organisations cuts, by different amounts.
        let outcome = outcome(&[
            (find(Kind::Organisatie, "MEE Drenthe"), dec!(-30)),
            (find(Kind::Organisatie, "MEE Zuid-Limburg"), dec!(-10)),
        ]);
        for schaal in [Schaal::Bedrag, Schaal::Aandeel] {
            let k = colouring(data, &outcome, Maat::Frictiekosten, schaal);
            assert_eq!(k.klasse[gemeente("Amsterdam").index()], 0);
            let hardest =
                data.gemeente_ids().max_by_key(|&g| Maat::Frictiekosten.value(outcome.gemeente(g), schaal)).unwrap();
            assert_eq!(k.klasse[hardest.index()], k.legend.len() - 1, "{schaal:?}");
            assert_eq!(k.legend.iter().map(|c| c.count).sum::<usize>(), 408);
            assert_eq!(k.legend[0].label, "geen daling");
            assert!(k.summary.contains("hebben geen daling"), "{}", k.summary);
        }
        // Amounts: five classes, each the range of its gemeenten, in order, none empty.
        let k = colouring(data, &outcome, Maat::Frictiekosten, Schaal::Bedrag);
        assert_eq!(k.legend.len(), KLASSEN + 1, "{:?}", k.legend);
        assert!(k.legend[1].label.starts_with("€") && k.legend[1].label.contains("–"), "{:?}", k.legend);
        assert!(k.legend.iter().all(|c| c.count > 0), "{:?}", k.legend);
    }

    #[test]
    fn one_cut_for_all_is_one_class_and_the_summary_says_so() {
        let data = data();
        let k = colouring(data, &outcome(&[(Selection::Nederland, dec!(-20))]), Maat::Omzetdaling, Schaal::Aandeel);
        let with_budget = data.gemeente_ids().filter(|&g| !data.gemeente(g).budget_2014.total().is_zero()).count();
        assert_eq!(k.legend.len(), 2, "{:?}", k.legend);
        assert_eq!(k.legend[1].count, with_budget);
        assert_eq!(k.summary, "Omzetdaling in % van het budget 2014: elke gemeente 20%.");
        let one = colouring(
            data,
            &outcome(&[(Selection::Gemeente(gemeente("Assen")), dec!(-10))]),
            Maat::Omzetdaling,
            Schaal::Aandeel,
        );
        assert_eq!(one.summary, "Omzetdaling in % van het budget 2014: alleen Assen heeft een daling (10%).");
        let all = colouring(data, &outcome(&[(Selection::Nederland, dec!(-20))]), Maat::FteVerlies, Schaal::Aandeel);
        assert_eq!(all.summary, "Fte-verlies in % van de formatie 2014: elke gemeente 20%.");
        let but_one = outcome(&[(Selection::Nederland, dec!(-20)), (Selection::Gemeente(gemeente("Assen")), dec!(0))]);
        let k = colouring(data, &but_one, Maat::Omzetdaling, Schaal::Aandeel);
        assert_eq!(
            k.summary,
            "Omzetdaling in % van het budget 2014: Eén gemeente heeft geen daling. De andere 407 gemeenten: elk 20%."
        );
        let none = colouring(data, &outcome(&[]), Maat::Frictiekosten, Schaal::Bedrag);
        assert_eq!(none.legend.len(), 1);
        assert!(none.summary.ends_with("geen enkele gemeente heeft een daling."));
        assert_eq!(none.name_and_value(data, gemeente("Assen")), "Assen: €\u{a0}0");
    }

    #[test]
    fn arrows_move_to_the_neighbour_in_that_direction() {
        let (data, kaart) = (data(), kaart());
        let from = gemeente("Utrecht");
        for heading in [Compass::North, Compass::East, Compass::South, Compass::West] {
            let to = neighbour(&kaart, from, heading).unwrap();
            let ((x0, y0), (x1, y1)) = (kaart.shape(from).label, kaart.shape(to).label);
            let moved = match heading {
                Compass::North => y1 < y0,
                Compass::South => y1 > y0,
                Compass::East => x1 > x0,
                Compass::West => x1 < x0,
            };
            assert!(moved, "{heading:?} → {}", data.gemeente(to).naam);
        }
        // Going all the way east ends at the border.
        let mut g = from;
        for _ in 0..408 {
            match neighbour(&kaart, g, Compass::East) {
                Some(next) => g = next,
                None => break,
            }
        }
        assert_eq!(neighbour(&kaart, g, Compass::East), None);
    }

    #[test]
    fn typing_finds_a_gemeente_by_its_start_then_anywhere() {
        let data = data();
        assert_eq!(find_typed(data, "ass"), Some(gemeente("Assen")));
        assert_eq!(find_typed(data, "súdw"), Some(gemeente("Súdwest-Fryslân")));
        assert_eq!(
            find_typed(data, "bosch"),
            data.gemeente_ids().find(|&g| data.gemeente(g).naam.to_lowercase().contains("bosch"))
        );
        assert_eq!(find_typed(data, "qqq"), None);
        assert_eq!(find_typed(data, " "), None);
    }

    #[test]
    fn zooming_in_keeps_the_area_and_a_minimum_size() {
        let (data, kaart) = (data(), kaart());
        let drenthe = find(Kind::Organisatie, "MEE Drenthe");
        let k = zoom_to(data, &kaart, drenthe);
        for g in drenthe.gemeenten(data) {
            let v = kaart.shape(g).bounds;
            assert!(k.x0 <= v.x0 && v.x1 <= k.x1 && k.y0 <= v.y0 && v.y1 <= k.y1);
        }
        let small = zoom_to(data, &kaart, Selection::Gemeente(gemeente("Vlieland")));
        assert!(small.x1 - small.x0 >= (kaart.country.x1 - kaart.country.x0) / 5);
        let all = zoom_to(data, &kaart, Selection::Nederland);
        assert!(all.x0 <= kaart.country.x0 + 2 && all.x1 >= kaart.country.x1 - 2);
    }
}

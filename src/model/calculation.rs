//! The calculation of docs/model.md §4: omzetdaling, fte and frictiekosten per MEE-organisatie,
//! attributed to its gemeenten, summed per selection.
//!
//! Frictiekosten arise at the organisation ("De omvang van de uiteindelijke frictiekosten
//! wordt per MEE-organisatie bepaald", Handreiking §4.4), so a rise in one gemeente offsets
//! a drop in another of the same organisation. Each organisation's figures are then shared
//! out over its gemeenten in proportion to how much each cut (`daling`), and a selection's
//! figures are the sum of its gemeenten's shares.
//!
//! # Precision
//! All arithmetic is `Decimal`. Organisation figures are held to [`PRECISION`] decimals
//! (a ten-billionth of a euro or an fte) and shared out with the largest-remainder method,
//! so that the shares of an organisation's gemeenten add up to the organisation's figure
//! *exactly*, and Nederland is exactly the sum of the organisations. Nothing is rounded to
//! whole euros or tenths of an fte before display.
//!
//! Shares that must nest are shared out in steps: fte moving with the work in proportion to
//! each gemeente's fte lost, reserves in proportion to each gemeente's frictiekosten, and so
//! on. Those weights are the `daling` shares up to the last internal decimal, so every
//! figure is `X(o) × daling(g) / Σ daling` (docs/model.md) to within 10⁻¹⁰, while no gemeente
//! can get more reserves than frictiekosten or a negative number of redundant fte.

use std::ops::Add;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use crate::model::apportion::Weights;
use crate::model::data::{Amounts, Dataset, GemeenteId, OrganisatieId};
use crate::model::params::{ParamKey, Parameters};
use crate::model::scenario::Scenario;
use crate::model::selection::Selection;

/// Decimals kept for organisation figures and their shares.
pub const PRECISION: u32 = 10;

fn q(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(PRECISION, RoundingStrategy::MidpointAwayFromZero)
}

/// Everything the calculator shows for a set of gemeenten. Money in euros, staff in fte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub budget_2014: Amounts,
    pub inkoop_2015: Amounts,
    pub formatie_2014: Decimal,
    pub omzetdaling: Decimal,
    pub fte_verlies: Decimal,
    /// Lost fte taken over by the gemeente or a new provider ("mens volgt werk").
    pub fte_mens_volgt_werk: Decimal,
    /// Lost fte absorbed by natural attrition.
    pub fte_verloop: Decimal,
    pub fte_boventallig: Decimal,
    pub frictiekosten_personeel: Decimal,
    pub frictiekosten_huisvesting: Decimal,
    pub frictiekosten: Decimal,
    pub dekking_reserves: Decimal,
    pub ongedekt: Decimal,
}

impl Add for Figures {
    type Output = Figures;
    fn add(self, o: Figures) -> Figures {
        Figures {
            budget_2014: self.budget_2014 + o.budget_2014,
            inkoop_2015: self.inkoop_2015 + o.inkoop_2015,
            formatie_2014: self.formatie_2014 + o.formatie_2014,
            omzetdaling: self.omzetdaling + o.omzetdaling,
            fte_verlies: self.fte_verlies + o.fte_verlies,
            fte_mens_volgt_werk: self.fte_mens_volgt_werk + o.fte_mens_volgt_werk,
            fte_verloop: self.fte_verloop + o.fte_verloop,
            fte_boventallig: self.fte_boventallig + o.fte_boventallig,
            frictiekosten_personeel: self.frictiekosten_personeel + o.frictiekosten_personeel,
            frictiekosten_huisvesting: self.frictiekosten_huisvesting + o.frictiekosten_huisvesting,
            frictiekosten: self.frictiekosten + o.frictiekosten,
            dekking_reserves: self.dekking_reserves + o.dekking_reserves,
            ongedekt: self.ongedekt + o.ongedekt,
        }
    }
}

impl std::iter::Sum for Figures {
    fn sum<I: Iterator<Item = Figures>>(iter: I) -> Figures {
        iter.fold(Figures::default(), Add::add)
    }
}

/// The result of one calculation: figures per organisation and per gemeente.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    organisaties: Vec<Figures>,
    gemeenten: Vec<Figures>,
}

impl Outcome {
    pub fn organisatie(&self, o: OrganisatieId) -> &Figures {
        &self.organisaties[o.index()]
    }

    /// A gemeente's attributed share of its organisation's figures.
    pub fn gemeente(&self, g: GemeenteId) -> &Figures {
        &self.gemeenten[g.index()]
    }

    /// The sum of the selection's gemeenten. For a whole organisation, or Nederland, this
    /// equals the organisations' own figures exactly.
    pub fn selection(&self, data: &Dataset, selection: Selection) -> Figures {
        match selection {
            Selection::Nederland => self.organisaties.iter().copied().sum(),
            Selection::Organisatie(o) => *self.organisatie(o),
            other => other.gemeenten(data).iter().map(|&g| *self.gemeente(g)).sum(),
        }
    }

    /// The selection's share of each organisation it touches: the split of a jeugdregio
    /// that spans several organisations.
    pub fn split_per_organisatie(&self, data: &Dataset, selection: Selection) -> Vec<(OrganisatieId, Figures)> {
        selection
            .organisaties(data)
            .into_iter()
            .map(|o| {
                let members = selection.gemeenten(data).into_iter().filter(|&g| data.gemeente(g).organisatie == o);
                (o, members.map(|g| *self.gemeente(g)).sum())
            })
            .collect()
    }
}

/// Computes every organisation and every gemeente for a scenario.
pub fn calculate(data: &Dataset, scenario: &Scenario, params: &Parameters) -> Outcome {
    let budgets: Vec<Amounts> = data.gemeenten.iter().map(|g| g.budget_2014).collect();
    calculate_step(data, &budgets, scenario.inkoop_all(), params)
}

/// One year of §4 (and §8): from what each gemeente bought the year before (`before`) to
/// what it buys this year (`after`). For 2015 `before` is the 2014 budget, and this is the
/// one-year model exactly; for a later year of an afbouwpad it is the year before's inkoop
/// (formatie and the verloop cap then count from that year's staff). In the result,
/// `budget_2014` and `inkoop_2015` hold `before` and `after`.
pub fn calculate_step(data: &Dataset, before: &[Amounts], after: &[Amounts], params: &Parameters) -> Outcome {
    let mut gemeenten = vec![Figures::default(); data.gemeenten.len()];
    let rates = Rates::of(params);
    let organisaties = data
        .organisatie_ids()
        .map(|o| {
            let members = &data.organisatie(o).gemeenten;
            let figures = organisatie(before, after, &rates, members);
            for (g, share) in members.iter().zip(attribute(before, after, members, &figures)) {
                gemeenten[g.index()] = share;
            }
            figures
        })
        .collect();
    Outcome { organisaties, gemeenten }
}

/// The organisations' figures alone, without sharing them out over gemeenten: what the
/// analyses that recompute many times need (`crate::model::analysis`).
pub fn organisation_figures(totals: &[(Amounts, Amounts)], params: &Parameters) -> Vec<Figures> {
    let rates = Rates::of(params);
    totals.iter().map(|&(before, after)| organisatie_from_totals(before, after, &rates)).collect()
}

/// Each organisation's totals (before, after): all the organisation step needs. Summed once,
/// so that an analysis recomputing many parameter sets does not re-add 408 gemeenten each time.
pub fn organisation_totals(data: &Dataset, before: &[Amounts], after: &[Amounts]) -> Vec<(Amounts, Amounts)> {
    data.organisatie_ids()
        .map(|o| {
            let members = &data.organisatie(o).gemeenten;
            (members.iter().map(|g| before[g.index()]).sum(), members.iter().map(|g| after[g.index()]).sum())
        })
        .collect()
}

/// The lines of docs/model.md §4 for one organisation.
fn organisatie(before: &[Amounts], after: &[Amounts], rates: &Rates, members: &[GemeenteId]) -> Figures {
    let budget_2014: Amounts = members.iter().map(|g| before[g.index()]).sum();
    let inkoop_2015: Amounts = members.iter().map(|g| after[g.index()]).sum();
    organisatie_from_totals(budget_2014, inkoop_2015, rates)
}

/// The parameters as the formulas use them (percentages as fractions), read once per
/// parameter set instead of once per organisation: the bandbreedte computes 33 parameter
/// sets over 22 organisations after every pause in typing, and reading them per
/// organisation made that 14 % slower (`cargo bench --bench model`, bandbreedte_nederland).
struct Rates {
    fte_kosten: Decimal,
    mens_volgt_werk: Decimal,
    verloop: Decimal,
    maanden_personeel: Decimal,
    huisvesting: Decimal,
    maanden_huisvesting: Decimal,
    reserves: Decimal,
}

impl Rates {
    fn of(params: &Parameters) -> Rates {
        Rates {
            fte_kosten: params.fraction(ParamKey::FteKosten),
            mens_volgt_werk: params.fraction(ParamKey::MensVolgtWerk),
            verloop: params.fraction(ParamKey::Verloop),
            maanden_personeel: params.fraction(ParamKey::MaandenPersoneel),
            huisvesting: params.fraction(ParamKey::Huisvesting),
            maanden_huisvesting: params.fraction(ParamKey::MaandenHuisvesting),
            reserves: params.fraction(ParamKey::Reserves),
        }
    }
}

fn organisatie_from_totals(budget_2014: Amounts, inkoop_2015: Amounts, rates: &Rates) -> Figures {
    let fte_kosten = rates.fte_kosten;

    let omzetdaling = q((budget_2014.total() - inkoop_2015.total()).max(Decimal::ZERO));
    let formatie_2014 = q(budget_2014.total() / fte_kosten);
    let fte_verlies = q(omzetdaling / fte_kosten);
    let fte_mens_volgt_werk = q(fte_verlies * rates.mens_volgt_werk);
    let fte_verloop = q((fte_verlies - fte_mens_volgt_werk).min(formatie_2014 * rates.verloop));
    let fte_boventallig = fte_verlies - fte_mens_volgt_werk - fte_verloop;
    let frictiekosten_personeel = q(fte_boventallig * fte_kosten * rates.maanden_personeel / dec!(12));
    let frictiekosten_huisvesting = q(omzetdaling * rates.huisvesting * rates.maanden_huisvesting / dec!(12));
    let frictiekosten = frictiekosten_personeel + frictiekosten_huisvesting;
    let dekking_reserves = q(frictiekosten * rates.reserves);
    Figures {
        budget_2014,
        inkoop_2015,
        formatie_2014,
        omzetdaling,
        fte_verlies,
        fte_mens_volgt_werk,
        fte_verloop,
        fte_boventallig,
        frictiekosten_personeel,
        frictiekosten_huisvesting,
        frictiekosten,
        dekking_reserves,
        ongedekt: frictiekosten - dekking_reserves,
    }
}

/// Shares an organisation's figures out over its gemeenten (see the module docs).
fn attribute(before: &[Amounts], after: &[Amounts], members: &[GemeenteId], org: &Figures) -> Vec<Figures> {
    let budgets: Vec<Decimal> = members.iter().map(|g| before[g.index()].total()).collect();
    let daling: Vec<Decimal> = members
        .iter()
        .zip(&budgets)
        .map(|(g, budget)| (budget - after[g.index()].total()).max(Decimal::ZERO))
        .collect();
    let share = |total: Decimal, weights: &Option<Weights>| {
        // Only `None` if the weights are all zero while the total is not, which the
        // formulas rule out (omzetdaling ≤ Σ daling); zeros keep the sums honest then.
        weights
            .as_ref()
            .and_then(|w| w.apportion(total, PRECISION))
            .unwrap_or_else(|| vec![Decimal::ZERO; members.len()])
    };
    let by_daling = Weights::new(&daling);

    let formatie = share(org.formatie_2014, &Weights::new(&budgets));
    let omzetdaling = share(org.omzetdaling, &by_daling);
    let verlies = share(org.fte_verlies, &by_daling);
    let mens_volgt_werk = share(org.fte_mens_volgt_werk, &Weights::new(&verlies));
    let remaining: Vec<Decimal> = verlies.iter().zip(&mens_volgt_werk).map(|(v, m)| v - m).collect();
    let verloop = share(org.fte_verloop, &Weights::new(&remaining));
    let personeel = share(org.frictiekosten_personeel, &by_daling);
    let huisvesting = share(org.frictiekosten_huisvesting, &by_daling);
    let frictiekosten: Vec<Decimal> = personeel.iter().zip(&huisvesting).map(|(p, h)| p + h).collect();
    let reserves = share(org.dekking_reserves, &Weights::new(&frictiekosten));

    members
        .iter()
        .enumerate()
        .map(|(i, &g)| Figures {
            budget_2014: before[g.index()],
            inkoop_2015: after[g.index()],
            formatie_2014: formatie[i],
            omzetdaling: omzetdaling[i],
            fte_verlies: verlies[i],
            fte_mens_volgt_werk: mens_volgt_werk[i],
            fte_verloop: verloop[i],
            fte_boventallig: remaining[i] - verloop[i],
            frictiekosten_personeel: personeel[i],
            frictiekosten_huisvesting: huisvesting[i],
            frictiekosten: frictiekosten[i],
            dekking_reserves: reserves[i],
            ongedekt: frictiekosten[i] - reserves[i],
        })
        .collect()
}

//! The scenario: for every gemeente, what it buys from MEE in 2015 (docs/model.md §2).
//!
//! This is the one source of truth of the calculator. A person changes it for a selection
//! (a percentage, or a total divided pro rata) or for one gemeente; every figure on screen
//! is computed from it. Amounts are exact decimals: a percentage is applied without
//! rounding, a total is divided to the cent with [`apportion`] so the parts add up exactly.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use crate::model::apportion::apportion;
use crate::model::data::{Amounts, Dataset, GemeenteId, Line};
use crate::model::selection::Selection;

/// The largest amount accepted for a selection or a gemeente: € 10 mld, fifty times what
/// all of MEE received in 2014. Anything above is a typing error, not a scenario.
pub const MAX_AMOUNT: Decimal = dec!(10_000_000_000);

/// The largest rise accepted: +1000 %, i.e. eleven times the 2014 budget.
pub const MAX_PERCENT: Decimal = dec!(1000);

/// How the 2015 inkoop of a selection is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Each gemeente's 2014 budget changed by this percentage (−13 for −13 %).
    Percent(Decimal),
    /// This total in euros for the selection, divided pro rata to the 2014 budgets.
    Total(Decimal),
}

/// A change that cannot be carried out. `Display` gives the Dutch message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    BelowMinus100,
    AboveMaxPercent,
    NegativeAmount,
    AboveMaxAmount,
    /// An amount more than 11 times the 2014 budget: a rise of over +1000 %, refused as a
    /// percentage is.
    AboveMaxRise,
    /// A total for a selection whose 2014 budget on that line is zero.
    NothingToDivide,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ScenarioError::BelowMinus100 => {
                "Een daling van meer dan 100% kan niet: de inkoop kan niet onder €\u{a0}0 komen."
            }
            ScenarioError::AboveMaxPercent => {
                "Een stijging van meer dan 1000% is niet aannemelijk; controleer het getal."
            }
            ScenarioError::NegativeAmount => "Een inkoopbedrag kan niet negatief zijn.",
            ScenarioError::AboveMaxAmount => "Dit bedrag is groter dan €\u{a0}10 miljard; controleer het getal.",
            ScenarioError::AboveMaxRise => {
                "Dit bedrag is meer dan 11 keer het budget 2014 (een stijging van meer dan 1000%); controleer het getal."
            }
            ScenarioError::NothingToDivide => {
                "Het budget 2014 is €\u{a0}0, dus een totaal kan niet naar rato worden verdeeld."
            }
        })
    }
}

impl std::error::Error for ScenarioError {}

impl Change {
    /// Checks the bounds that hold whatever the selection.
    pub fn validate(self) -> Result<Change, ScenarioError> {
        match self {
            Change::Percent(p) => check_percentage(p).map(Change::Percent),
            Change::Total(t) => check_amount(t).map(Change::Total),
        }
    }
}

/// A percentage change against 2014 within the bounds: from −100 % to +1000 %.
pub fn check_percentage(p: Decimal) -> Result<Decimal, ScenarioError> {
    if p < dec!(-100) {
        Err(ScenarioError::BelowMinus100)
    } else if p > MAX_PERCENT {
        Err(ScenarioError::AboveMaxPercent)
    } else {
        Ok(p)
    }
}

/// An inkoop amount within the bounds: from € 0 to [`MAX_AMOUNT`].
pub fn check_amount(amount: Decimal) -> Result<Decimal, ScenarioError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        Err(ScenarioError::NegativeAmount)
    } else if amount > MAX_AMOUNT {
        Err(ScenarioError::AboveMaxAmount)
    } else {
        Ok(amount)
    }
}

/// The same bound as [`MAX_PERCENT`], for an amount against its 2014 budget. A budget of
/// zero has no percentage to compare with; the absolute bound still holds.
fn check_rise(amount: Decimal, budget: Decimal) -> Result<(), ScenarioError> {
    let limit = budget * (Decimal::ONE + MAX_PERCENT / dec!(100));
    if !budget.is_zero() && amount > limit { Err(ScenarioError::AboveMaxRise) } else { Ok(()) }
}

/// 2015 inkoop per gemeente, indexed like [`Dataset::gemeenten`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    inkoop: Vec<Amounts>,
}

impl Scenario {
    /// Every gemeente buys in 2015 what MEE received for it in 2014: no frictiekosten.
    pub fn status_quo(data: &Dataset) -> Scenario {
        Scenario { inkoop: data.gemeenten.iter().map(|g| g.budget_2014).collect() }
    }

    pub fn inkoop(&self, g: GemeenteId) -> Amounts {
        self.inkoop[g.index()]
    }

    /// Every gemeente's inkoop, indexed like [`Dataset::gemeenten`].
    pub fn inkoop_all(&self) -> &[Amounts] {
        &self.inkoop
    }

    /// The 2015 inkoop of a selection.
    pub fn inkoop_of(&self, data: &Dataset, selection: Selection) -> Amounts {
        selection.gemeenten(data).iter().map(|&g| self.inkoop(g)).sum()
    }

    /// Changes one line of every gemeente in the selection. On error nothing changes.
    pub fn apply(
        &mut self,
        data: &Dataset,
        selection: Selection,
        line: Line,
        change: Change,
    ) -> Result<(), ScenarioError> {
        let gemeenten = selection.gemeenten(data);
        let budgets: Vec<Decimal> = gemeenten.iter().map(|&g| data.gemeente(g).budget_2014.get(line)).collect();
        let amounts = match change.validate()? {
            Change::Percent(p) => {
                let factor = Decimal::ONE + p / dec!(100);
                budgets.iter().map(|b| b * factor).collect()
            }
            Change::Total(total) => {
                check_rise(total, budgets.iter().sum())?;
                apportion(total, &budgets, 2).ok_or(ScenarioError::NothingToDivide)?
            }
        };
        for (g, amount) in gemeenten.into_iter().zip(amounts) {
            self.inkoop[g.index()].set(line, amount);
        }
        Ok(())
    }

    /// Sets one gemeente's inkoop on one line, e.g. from the per-gemeente table.
    pub fn set_gemeente(
        &mut self,
        data: &Dataset,
        g: GemeenteId,
        line: Line,
        amount: Decimal,
    ) -> Result<(), ScenarioError> {
        check_rise(check_amount(amount)?, data.gemeente(g).budget_2014.get(line))?;
        self.inkoop[g.index()].set(line, amount);
        Ok(())
    }

    /// The selection's 2015 inkoop on a line as a % change against 2014, if 2014 was not 0.
    pub fn percent_of(&self, data: &Dataset, selection: Selection, line: Line) -> Option<Decimal> {
        let budget = selection.gemeenten(data).iter().map(|&g| data.gemeente(g).budget_2014.get(line)).sum::<Decimal>();
        let inkoop = self.inkoop_of(data, selection).get(line);
        (!budget.is_zero()).then(|| (inkoop / budget - Decimal::ONE) * dec!(100))
    }
}
/// The uniform cut that makes the national omzetdaling € 32.000.000 (−17,7313…%), the
/// calibration of docs/model.md §6 and the preset "Landelijk beeld", to ten decimals: precise to a thousandth of a euro nationally, and short enough for a link.
pub fn monitor_percentage(data: &Dataset) -> Decimal {
    let total = data.total_2014().total();
    (dec!(-3_200_000_000) / total).round_dp_with_strategy(10, RoundingStrategy::MidpointAwayFromZero)
}

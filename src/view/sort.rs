//! Sorting, as both tables do it: a header click, what it tells screen readers, and ranking
//! a column of values with ties in name order.

use rust_decimal::Decimal;

use crate::model::weergave::{Direction, Sort};
use crate::text::format;

/// Shares are ranked to this many decimals: the same cut everywhere gives the same share up
/// to the model's last internal decimal, and such ties go by name, not by that noise.
const SHARE_DECIMALS: u32 = 4;

impl Direction {
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

impl<C: Copy + PartialEq> Sort<C> {
    /// After a click on `column`'s header: the same column flips, another starts at `first`.
    pub fn clicked(self, column: C, first: Direction) -> Sort<C> {
        let direction = if self.column == column { self.direction.flipped() } else { first };
        Sort { column, direction }
    }

    /// The `aria-sort` value of `column`'s header.
    pub fn aria(self, column: C) -> &'static str {
        if self.column == column { self.direction.aria() } else { "none" }
    }

    /// The arrow beside `column`'s heading.
    pub fn icon(self, column: C) -> &'static str {
        match self.direction {
            _ if self.column != column => "↕",
            Direction::Ascending => "▲",
            Direction::Descending => "▼",
        }
    }
}

/// The positions of `values` in `direction`; ties keep list order (which is name order in
/// both tables, so rank names by their position).
pub fn ranked(values: &[Decimal], direction: Direction) -> Vec<usize> {
    crate::model::sort::sorted_positions(values.len(), &|i, j| {
        let by_value = values[i].cmp(&values[j]);
        let by_value = if direction == Direction::Descending { by_value.reverse() } else { by_value };
        by_value.then(i.cmp(&j))
    })
}

/// A share as it is ranked: to four decimals, so that ties go by name rather than by the
/// model's last internal decimal.
pub fn share_key(share: Decimal) -> Decimal {
    format::round(share, SHARE_DECIMALS)
}

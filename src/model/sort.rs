//! The crate's one sort. Every `sort_by` with its own comparator is another copy of the
//! standard library's sort in the wasm (a few kilobytes each); everything here sorts
//! positions through this single function instead.

use std::cmp::Ordering;

/// The positions `0..n` ordered by `compare` (stable: equal elements keep their order).
pub fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    // The one place the standard sort is allowed (clippy.toml).
    #[allow(clippy::disallowed_methods)]
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_positions_stably() {
        let values = [3, 1, 2, 1];
        assert_eq!(sorted_positions(4, &|a, b| values[a].cmp(&values[b])), vec![1, 3, 2, 0]);
        assert!(sorted_positions(0, &|_, _| Ordering::Equal).is_empty());
    }
}

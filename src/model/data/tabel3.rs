//! Tabel 3 of the *Handreiking Cliëntondersteuning* (§4.4, March 2014): the 2014 budget
//! per MEE-organisatie, as CVZ estimated it.
//!
//! Kept apart from the per-gemeente table on purpose: it is the independent check that
//! Bijlage 5 was read correctly (each organisation's gemeenten must add up to its row here,
//! to the euro). Names are as in Tabel 3, with the PDF's line-break hyphens joined.

/// One row of Tabel 3: organisation, cliëntondersteuning 2014, Integrale Vroeghulp 2014 (euros).
pub type Tabel3Row = (&'static str, u64, u64);

pub const TABEL_3: [Tabel3Row; 22] = [
    ("MEE Amstel en Zaan", 13_901_472, 140_320),
    ("MEE Drenthe", 4_694_790, 58_781),
    ("MEE Friesland", 7_818_291, 72_099),
    ("MEE Gelderse Poort", 9_291_598, 91_260),
    ("MEE Groningen", 5_574_366, 66_570),
    ("MEE IJsseloevers", 10_144_232, 103_632),
    ("MEE Noord en Midden Limburg", 4_857_829, 55_012),
    ("MEE Noordoost Noord-Brabant", 4_531_125, 53_318),
    ("MEE Noordwest-Holland", 9_892_333, 104_491),
    ("MEE Oost-Gelderland", 4_411_075, 56_238),
    ("MEE Plus", 14_168_541, 117_019),
    ("MEE regio Den Bosch", 3_108_470, 35_227),
    ("MEE regio Tilburg", 3_900_139, 40_313),
    ("MEE Rotterdam", 9_215_756, 98_820),
    ("MEE Twente", 5_774_548, 61_283),
    ("MEE Utrecht Gooi & Vecht", 14_372_430, 144_490),
    ("MEE Veluwe", 6_457_153, 74_388),
    ("MEE West-Brabant", 8_273_895, 67_036),
    ("MEE Zeeland", 4_443_910, 49_543),
    ("MEE Zuid Limburg", 6_113_561, 71_345),
    ("MEE Zuid-Holland Noord", 17_100_769, 160_893),
    ("MEE Zuidoost-Brabant", 10_622_931, 80_433),
];

/// The TOTAAL row of Tabel 3 (and of Bijlage 5).
pub const TABEL_3_TOTAAL: (u64, u64) = (178_669_214, 1_802_511);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_add_up_to_the_totaal_row() {
        let co: u64 = TABEL_3.iter().map(|r| r.1).sum();
        let ivh: u64 = TABEL_3.iter().map(|r| r.2).sum();
        assert_eq!((co, ivh), TABEL_3_TOTAAL);
    }
}

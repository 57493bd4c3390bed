//! Which encoding a chosen file is read in. The browser decodes (its `TextDecoder` knows
//! every encoding at no cost in wasm); which one to ask it for is decided here, from the
//! bytes, so that it is tested natively.
//!
//! What people bring: UTF-8, with or without a byte order mark (our own CSV, Excel's "CSV
//! UTF-8"); UTF-16 with a byte order mark (Excel's "Unicode-tekst", little-endian, cells
//! separated by tabs); and Windows-1252 (an older Excel's "CSV"). A file that starts with a
//! UTF-16 mark is UTF-16; otherwise it is UTF-8 if every byte sequence is valid UTF-8, and
//! Windows-1252 if not. Windows-1252 is a guess (any bytes are valid in it), so the preview
//! says when it was made: a UTF-8 file with one bad byte would otherwise be read with every
//! accented letter wrong, and nobody told.

/// An encoding a file is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// The fallback for bytes that are not UTF-8.
    Windows1252,
}

impl Encoding {
    /// The name the browser's `TextDecoder` knows it by (the WHATWG Encoding Standard).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// How to read a file: in which encoding, after how many bytes of byte order mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decoding {
    pub encoding: Encoding,
    /// The length of the byte order mark at the start, which is not text.
    pub bom: usize,
}

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: [u8; 2] = [0xFF, 0xFE];
const UTF16BE_BOM: [u8; 2] = [0xFE, 0xFF];

/// How to read `bytes`: by their byte order mark, else UTF-8 when they are valid UTF-8,
/// else Windows-1252.
pub fn detect(bytes: &[u8]) -> Decoding {
    if bytes.starts_with(&UTF16LE_BOM) {
        return Decoding { encoding: Encoding::Utf16Le, bom: UTF16LE_BOM.len() };
    }
    if bytes.starts_with(&UTF16BE_BOM) {
        return Decoding { encoding: Encoding::Utf16Be, bom: UTF16BE_BOM.len() };
    }
    let (bom, rest) = match bytes.strip_prefix(&UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    // A UTF-8 mark before bytes that are not UTF-8: the mark is still not text.
    let encoding = if std::str::from_utf8(rest).is_ok() { Encoding::Utf8 } else { Encoding::Windows1252 };
    Decoding { encoding, bom }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian { UTF16BE_BOM.to_vec() } else { UTF16LE_BOM.to_vec() };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes
    }

    #[test]
    fn a_utf16_byte_order_mark_decides() {
        // Excel's "Unicode-tekst": UTF-16 LE with a mark, tabs between the cells.
        let excel = utf16("gemeente\tinkoop 2015 cliëntondersteuning\r\nSúdwest Fryslân\t300000\r\n", false);
        assert_eq!(detect(&excel), Decoding { encoding: Encoding::Utf16Le, bom: 2 });
        let big = utf16("gemeente\tinkoop\r\n", true);
        assert_eq!(detect(&big), Decoding { encoding: Encoding::Utf16Be, bom: 2 });
        // A mark and nothing else is an empty UTF-16 file.
        assert_eq!(detect(&[0xFF, 0xFE]).encoding, Encoding::Utf16Le);
    }

    #[test]
    fn utf8_when_valid_with_or_without_its_mark() {
        assert_eq!(
            detect("gemeente;inkoop\nSúdwest Fryslân;5\n".as_bytes()),
            Decoding { encoding: Encoding::Utf8, bom: 0 }
        );
        let with_mark = [&UTF8_BOM[..], "gemeente;inkoop\n".as_bytes()].concat();
        assert_eq!(detect(&with_mark), Decoding { encoding: Encoding::Utf8, bom: 3 });
        assert_eq!(detect(b""), Decoding { encoding: Encoding::Utf8, bom: 0 });
    }

    #[test]
    fn windows_1252_when_not_utf8_and_the_caller_is_told() {
        // Older Excel: "Súdwest" with ú as the single byte 0xFA.
        assert_eq!(detect(b"gemeente;inkoop\nS\xFAdwest Frysl\xE2n;5\n").encoding, Encoding::Windows1252);
        // A UTF-8 file with one bad byte is not UTF-8 either; its mark is still skipped.
        let good = [&UTF8_BOM[..], "gemeente;cliëntondersteuning\nAssen;5\n".as_bytes()].concat();
        let one_bad = [&UTF8_BOM[..], "gemeente;cliëntondersteuning\nAssen;5".as_bytes(), &[0x80], b"\n"].concat();
        assert_eq!(detect(&good).encoding, Encoding::Utf8);
        assert_eq!(detect(&one_bad), Decoding { encoding: Encoding::Windows1252, bom: 3 });
        // A cut-off multi-byte character at the end.
        assert_eq!(detect(&"cliënt".as_bytes()[..4]).encoding, Encoding::Windows1252);
        assert_eq!(Encoding::Windows1252.label(), "windows-1252");
    }
}

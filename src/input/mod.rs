//! Reading inputs: walking the paths given ([`walk`]), opening files and
//! standard input with gzip and limits ([`open_file`]), splitting JSON
//! streams into records ([`json_frames`]), and turning a document's bytes
//! into text ([`decode`]: gzip, BOMs, UTF-16, Latin-1, invalid UTF-8, CRLF
//! and binary data).

use std::io::Read;

use crate::error::{Error, ErrorKind, Result};

pub mod json_frames;
mod open;
mod walk;

pub use open::{
    is_json_head, looks_like_json_lines, open_bytes, open_file, open_stdin,
    read_error, Counter, Opened, HEAD,
};
pub use walk::{is_own_temporary, walk, InputSpec};

/// An input decoded to text, with what was noticed while decoding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with any BOM removed and line ends made `\n`.
    pub text: String,
    /// Notes for every record of the input (e.g. lossy decoding).
    pub warnings: Vec<String>,
}

/// Decodes `bytes` to text.
///
/// - gzip data (magic `1f 8b`) is decompressed first, whatever the name;
/// - a UTF-8 BOM is dropped; UTF-16 (LE or BE) with a BOM is decoded;
/// - text that is not UTF-8 is read as Latin-1 when an XML declaration
///   says `ISO-8859-1`/`Latin-1`/`windows-1252`, else decoded lossily with a
///   warning;
/// - CRLF and lone CR become LF.
///
/// Empty (or all white space) input and binary data are errors.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    let gunzipped;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| Error::new(ErrorKind::Decompress(e.to_string())))?;
        gunzipped = out;
        &gunzipped[..]
    } else {
        bytes
    };
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_or_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else if let Some(le) = utf16_without_bom(bytes) {
        warnings.push(format!(
            "input is UTF-16{} without a byte-order mark: decoded as such",
            if le { "LE" } else { "BE" }
        ));
        if le {
            utf16(bytes, u16::from_le_bytes, &mut warnings)
        } else {
            utf16(bytes, u16::from_be_bytes, &mut warnings)
        }
    } else {
        if let Some(found) = binary_sign(bytes) {
            return Err(Error::new(ErrorKind::Binary { found }));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) if declares_latin1(bytes) => latin1(bytes),
            Err(_) => utf8_or_lossy(bytes, &mut warnings),
        }
    };
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty));
    }
    if let Some(found) = binary_sign(text.as_bytes()) {
        return Err(Error::new(ErrorKind::Binary { found }));
    }
    // Stray NUL bytes in text (damage): spaces, so that every offset stays.
    let text = match memchr::memchr(0, text.as_bytes()) {
        Some(at) => {
            let n = memchr::memchr_iter(0, text.as_bytes()).count();
            warnings.push(format!(
                "input holds {n} NUL byte{} (the first at offset {at}): read \
                 as {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "a space" } else { "spaces" }
            ));
            text.replace('\0', " ")
        }
        None => text,
    };
    Ok(Decoded { text: normalise_newlines(text), warnings })
}

fn utf8_or_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "input is not valid UTF-8 (first bad byte at offset {}): \
                 decoded lossily, bad bytes replaced by U+FFFD",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    warnings: &mut Vec<String>,
) -> String {
    if bytes.len() % 2 == 1 {
        warnings.push("UTF-16 input has an odd number of bytes".to_string());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = false;
    let s: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad {
        warnings.push(
            "UTF-16 input has unpaired surrogates: replaced by U+FFFD"
                .to_string(),
        );
    }
    s
}

/// UTF-16 text without a BOM: most of the first 64 code units have one
/// zero byte, on the same side (`Some(true)` for little-endian).
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let units: Vec<&[u8]> = bytes.chunks_exact(2).take(64).collect();
    if units.len() < 4 {
        return None;
    }
    let zero_hi = units.iter().filter(|u| u[1] == 0 && u[0] != 0).count();
    let zero_lo = units.iter().filter(|u| u[0] == 0 && u[1] != 0).count();
    let n = units.len();
    if zero_hi * 10 >= n * 9 {
        Some(true)
    } else if zero_lo * 10 >= n * 9 {
        Some(false)
    } else {
        None
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Whether the first line is an XML declaration naming a Latin-1 encoding.
fn declares_latin1(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.starts_with("<?xml")
        && ["iso-8859-1", "latin-1", "latin1", "windows-1252"]
            .iter()
            .any(|e| head.contains(e))
}

/// A sign that `bytes` are binary: NUL bytes (four or more, or more than
/// one in a hundred) or many control characters in the first 8 KiB.
/// Returns a short description of what was found. A stray NUL or two in
/// text (a damaged copy) is no sign: [`decode`] reads them as spaces.
fn binary_sign(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(i) = memchr::memchr(0, head) {
        let nuls = memchr::memchr_iter(0, head).count();
        if nuls >= 4 || nuls * 100 > head.len() {
            return Some(format!("a NUL byte at offset {i}"));
        }
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.len() >= 16 && controls * 10 > head.len() {
        return Some(format!(
            "{controls} control bytes in the first {}",
            head.len()
        ));
    }
    None
}

fn normalise_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_passes_through() {
        let d = decode("£3 million\r\nnext".as_bytes()).unwrap();
        assert_eq!(d.text, "£3 million\nnext");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn bom_is_dropped() {
        let d = decode(b"\xef\xbb\xbfhello").unwrap();
        assert_eq!(d.text, "hello");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "<Error/>".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap().text, "<Error/>");
    }

    #[test]
    fn latin1_when_declared() {
        let b =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Si\xf4n</a>";
        let d = decode(b).unwrap();
        assert!(d.text.contains("Siôn"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(b"caf\xe9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{fffd} au lait");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(decode(b"").unwrap_err().kind(), ErrorKind::Empty));
        assert!(matches!(
            decode(b"  \n\t ").unwrap_err().kind(),
            ErrorKind::Empty
        ));
        assert!(matches!(
            decode(b"\x00\x01\x02PK").unwrap_err().kind(),
            ErrorKind::Binary { .. }
        ));
        // A database file: a header of mostly zero fields, then text.
        let mut db = b"SQLite format 3\x00\x10\x00\x01\x01".to_vec();
        db.extend([0u8; 80]);
        db.extend(b"CREATE TABLE Dict (key BLOB) ".repeat(200));
        assert!(matches!(
            decode(&db).unwrap_err().kind(),
            ErrorKind::Binary { .. }
        ));
    }

    #[test]
    fn a_stray_nul_in_text_is_a_space_with_a_warning() {
        let mut text = b"To ask the Secretary of State ".repeat(20);
        text[100] = 0;
        let d = decode(&text).unwrap();
        assert_eq!(d.text.len(), text.len());
        assert_eq!(&d.text[100..101], " ");
        assert_eq!(
            d.warnings,
            vec!["input holds 1 NUL byte (the first at offset 100): read as a space"]
        );
    }

    #[test]
    fn gzip_is_read() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        );
        enc.write_all(b"hello gz").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(decode(&gz).unwrap().text, "hello gz");
        assert!(decode(&gz[..gz.len() / 2]).is_err());
    }
}

//! Seeded mutations of real documents, shared by `tests/mutation.rs` (CI:
//! 100,000 inputs) and `examples/soak.rs` (millions): byte flips,
//! truncations, splices, duplicated spans, inserted non-ASCII and
//! case-changing characters (U+212A, U+0130, …) at random places and
//! inside names and table cells, UTF-16 re-encoding, BOMs, CRs, and
//! damaged gzip.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so that a mutation is
/// reproduced from its number alone.
pub struct Rng(u64);

impl Rng {
    /// A generator for mutation number `n` of run `seed`.
    pub fn for_case(seed: u64, n: u64) -> Rng {
        let mut r = Rng(seed ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        r.next();
        r
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Characters whose case mapping changes their length, or that are
/// otherwise hostile to byte arithmetic.
pub const HOSTILE: [&str; 12] = [
    "\u{212A}",  // KELVIN SIGN: lower-cases to 1-byte 'k'
    "\u{0130}",  // İ: lower-cases to 3 bytes
    "\u{1E9E}",  // ẞ
    "\u{FB03}",  // ﬃ: upper-cases to "FFI"
    "\u{03A3}",  // Σ
    "\u{00DF}",  // ß
    "\u{2013}",  // en dash
    "\u{00A3}",  // £
    "\u{202F}",  // narrow no-break space
    "\u{FEFF}",  // BOM inside text
    "\u{0301}",  // combining acute
    "\u{1F600}", // 4-byte emoji
];

/// Places where names and table cells start, to aim insertions at.
const LANDMARKS: [&[u8]; 10] = [
    b"Mr ",
    b"Lord ",
    b"Baroness ",
    b"Dr ",
    b" | ",
    b"Name\":\"",
    b"name\": \"",
    b"<member",
    b"Asked by",
    b"(HL",
];

/// The seed documents: every file of the given folders under 400 KB
/// (larger ones are cut, so that each case stays fast).
pub fn seeds(dirs: &[&Path]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in dirs {
        for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let Ok(e) = e else { continue };
            if !e.file_type().is_file() {
                continue;
            }
            let Ok(mut b) = std::fs::read(e.path()) else { continue };
            b.truncate(400_000);
            out.push((e.path().display().to_string(), b));
        }
    }
    out
}

/// Mutation number `n` of run `seed`: which seed document, and its bytes.
pub fn mutate(
    seeds: &[(String, Vec<u8>)],
    seed: u64,
    n: u64,
) -> (usize, Vec<u8>) {
    let mut rng = Rng::for_case(seed, n);
    let which = rng.below(seeds.len());
    let mut b = seeds[which].1.clone();
    // Long documents: a window, so that cases stay quick (and cuts land
    // in every part of them).
    if b.len() > 40_000 && rng.below(3) != 0 {
        let start = rng.below(b.len() - 20_000);
        let keep_head = rng.below(2) == 0;
        let end = (start + 20_000).min(b.len());
        b = if keep_head { b[..end].to_vec() } else { b[start..end].to_vec() };
    }
    let steps = 1 + rng.below(3);
    for _ in 0..steps {
        apply(&mut b, &mut rng, seeds);
    }
    (which, b)
}

fn apply(b: &mut Vec<u8>, rng: &mut Rng, seeds: &[(String, Vec<u8>)]) {
    match rng.below(12) {
        0 => {
            let at = rng.below(b.len() + 1);
            b.truncate(at);
        }
        1 => {
            for _ in 0..1 + rng.below(16) {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] = rng.next() as u8;
                }
            }
        }
        2 => {
            let other = &seeds[rng.below(seeds.len())].1;
            let from = rng.below(other.len() + 1);
            let to = (from + rng.below(4096)).min(other.len());
            let at = rng.below(b.len() + 1);
            b.splice(at..at, other[from..to].iter().copied());
        }
        3 => {
            if !b.is_empty() {
                let from = rng.below(b.len());
                let to = (from + rng.below(2048)).min(b.len());
                let span = b[from..to].to_vec();
                let at = rng.below(b.len() + 1);
                b.splice(at..at, span);
            }
        }
        4 | 5 => {
            // A hostile character at a landmark (a name, a cell) or
            // anywhere.
            let ch = HOSTILE[rng.below(HOSTILE.len())].as_bytes();
            let at =
                landmark(b, rng).unwrap_or_else(|| rng.below(b.len() + 1));
            let reps = 1 + rng.below(3);
            for _ in 0..reps {
                b.splice(at..at, ch.iter().copied());
            }
        }
        6 => {
            // Re-encode as UTF-16, with or without a BOM.
            let text = String::from_utf8_lossy(b).into_owned();
            let le = rng.below(2) == 0;
            let mut out = Vec::new();
            if rng.below(3) == 0 {
                out.extend_from_slice(if le {
                    b"\xff\xfe"
                } else {
                    b"\xfe\xff"
                });
            }
            for u in text.encode_utf16() {
                let bytes = if le { u.to_le_bytes() } else { u.to_be_bytes() };
                out.extend_from_slice(&bytes);
            }
            *b = out;
        }
        7 => {
            let bom: &[u8] = match rng.below(3) {
                0 => b"\xef\xbb\xbf",
                1 => b"\xff\xfe",
                _ => b"\xfe\xff",
            };
            b.splice(0..0, bom.iter().copied());
        }
        8 => {
            // Line ends: CRLF or lone CR.
            let cr: &[u8] = if rng.below(2) == 0 { b"\r\n" } else { b"\r" };
            let mut out = Vec::with_capacity(b.len() + b.len() / 20);
            for &c in b.iter() {
                if c == b'\n' {
                    out.extend_from_slice(cr);
                } else {
                    out.push(c);
                }
            }
            *b = out;
        }
        9 => {
            // gzip, then damaged (cut, or a flipped byte) or not.
            let mut e = flate2::write::GzEncoder::new(
                Vec::new(),
                flate2::Compression::fast(),
            );
            let _ = e.write_all(b);
            let mut gz = e.finish().unwrap_or_default();
            match rng.below(3) {
                0 => gz.truncate(rng.below(gz.len() + 1)),
                1 if !gz.is_empty() => {
                    let i = rng.below(gz.len());
                    gz[i] ^= 1 << rng.below(8);
                }
                _ => {}
            }
            *b = gz;
        }
        10 => {
            // Windows-1252 bytes without a declaration.
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(b.len() + 1);
                b.insert(at, [0x93, 0x94, 0x96, 0xa3, 0x80][rng.below(5)]);
            }
        }
        _ => {
            // Deep nesting.
            let open: &[u8] = match rng.below(3) {
                0 => b"[",
                1 => b"{\"a\":",
                _ => b"<a>",
            };
            let at = rng.below(b.len() + 1);
            let n = 1 + rng.below(5000);
            let span: Vec<u8> = open.repeat(n);
            b.splice(at..at, span);
        }
    }
}

fn landmark(b: &[u8], rng: &mut Rng) -> Option<usize> {
    let mark = LANDMARKS[rng.below(LANDMARKS.len())];
    let hits: Vec<usize> = b
        .windows(mark.len())
        .enumerate()
        .filter(|(_, w)| *w == mark)
        .map(|(i, _)| i + mark.len())
        .take(64)
        .collect();
    if hits.is_empty() {
        return None;
    }
    let base = hits[rng.below(hits.len())];
    // Inside the name or cell: a few bytes on, on a char boundary or not.
    Some((base + rng.below(12)).min(b.len()))
}

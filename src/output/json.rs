//! Compact JSON into a byte buffer, byte for byte as `serde_json::to_writer`
//! writes it, with a faster string escape.
//!
//! Output is mostly strings (answer texts, and each figure's sentence), and
//! serde_json looks up every byte of a string in a table to find the few
//! that need escaping. [`to_vec`] checks eight bytes at a time and copies
//! the runs between escapes whole. Numbers, `null` and booleans are written
//! by serde_json's own [`CompactFormatter`], so they cannot differ; the
//! `output_digest` and fixture tests compare whole outputs.

use serde::ser::{self, Error as _, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::Error;

type Result<T = ()> = std::result::Result<T, Error>;

/// Appends the compact JSON of `value` to `out`: the same bytes as
/// `serde_json::to_writer` gives. Map keys must be strings (as they are in
/// every type wrans writes); any other key is an error.
pub fn to_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result {
    value.serialize(&mut Json { out })
}

/// Appends `s` as a JSON string, quoted and escaped as serde_json escapes
/// it: `"` and `\` with a backslash, `\b \t \n \f \r` by name, other
/// control characters as `\u00XX`, everything else as it stands.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    match first_special(b) {
        None => out.extend_from_slice(b),
        Some(from) => escape_into(out, b, from),
    }
    out.push(b'"');
}

/// Where the first word of eight bytes that holds something to escape
/// starts, or `None` when nothing in `b` needs an escape (the last few
/// bytes are tested padded with spaces, which need none).
fn first_special(b: &[u8]) -> Option<usize> {
    let mut words = b.chunks_exact(8);
    for (n, w) in (&mut words).enumerate() {
        if <[u8; 8]>::try_from(w).is_ok_and(|w| special(u64::from_le_bytes(w)))
        {
            return Some(n * 8);
        }
    }
    let rest = words.remainder();
    let mut last = [b' '; 8];
    // `rest` is shorter than a word: `chunks_exact`'s remainder.
    if let Some(l) = last.get_mut(..rest.len()) {
        l.copy_from_slice(rest);
    }
    let tail = b.len() - rest.len();
    special(u64::from_le_bytes(last)).then_some(tail)
}

/// Whether any byte of `w` is a control character, a quote or a
/// backslash (exact as to whether there is one, not as to which).
#[inline]
fn special(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
        | zero(w ^ (ONES * u64::from(b'"')))
        | zero(w ^ (ONES * u64::from(b'\\')))
        != 0
}

/// A string with something to escape in the word starting at `from`
/// (all before it is copied as it stands): words of eight bytes with
/// nothing to escape are passed over, the bytes of the others looked at
/// one by one ([`escape_byte`]).
#[cold]
fn escape_into(out: &mut Vec<u8>, b: &[u8], from: usize) {
    let mut start = 0;
    let mut k = from;
    while k < b.len() {
        match b.get(k..k + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            Some(w) if !special(u64::from_le_bytes(w)) => {}
            Some(_) => {
                for j in k..k + 8 {
                    escape_byte(out, b, j, &mut start);
                }
            }
            None => {
                for j in k..b.len() {
                    escape_byte(out, b, j, &mut start);
                }
            }
        }
        k += 8;
    }
    out.extend_from_slice(b.get(start..).unwrap_or_default());
}

/// Byte `k` of `b`, when it needs an escape: the run since `start` copied
/// whole, then the escape; `start` moves past it.
#[inline]
fn escape_byte(out: &mut Vec<u8>, b: &[u8], k: usize, start: &mut usize) {
    let Some(&c) = b.get(k) else { return };
    let e = ESCAPE[usize::from(c)];
    if e == 0 {
        return;
    }
    out.extend_from_slice(b.get(*start..k).unwrap_or_default());
    if e == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 0xF)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', e]);
    }
    *start = k + 1;
}

/// For each byte, the letter of its escape after the backslash (`u` for
/// `\u00XX`), or 0 when it stands as it is.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = b'u';
        c += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The serializer: a buffer to append to.
struct Json<'a> {
    out: &'a mut Vec<u8>,
}

/// A sequence, tuple, map or struct being written: whether its first
/// element is still to come (for the commas).
struct Compound<'a, 'b> {
    json: &'b mut Json<'a>,
    first: bool,
    // What closes it: `]`, `}`, or `}}` for a variant's body.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.json.out.push(b',');
        }
        self.first = false;
    }

    fn end(self) -> Result {
        self.json.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a> Json<'a> {
    fn fmt(
        &mut self,
        f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result {
        f(self.out).map_err(Error::custom)
    }

    fn open<'b>(
        &'b mut self,
        open: &[u8],
        close: &'static [u8],
    ) -> Compound<'a, 'b> {
        self.out.extend_from_slice(open);
        Compound { json: self, first: true, close }
    }

    /// `{"variant":` before a variant's value.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }
}

impl<'a, 'b> ser::Serializer for &'b mut Json<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result {
        self.fmt(|w| CompactFormatter.write_bool(w, v))
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.fmt(|w| CompactFormatter.write_i8(w, v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.fmt(|w| CompactFormatter.write_i16(w, v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.fmt(|w| CompactFormatter.write_i32(w, v))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.fmt(|w| CompactFormatter.write_i64(w, v))
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.fmt(|w| CompactFormatter.write_i128(w, v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.fmt(|w| CompactFormatter.write_u8(w, v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.fmt(|w| CompactFormatter.write_u16(w, v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.fmt(|w| CompactFormatter.write_u32(w, v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.fmt(|w| CompactFormatter.write_u64(w, v))
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.fmt(|w| CompactFormatter.write_u128(w, v))
    }
    fn serialize_f32(self, v: f32) -> Result {
        if v.is_finite() {
            self.fmt(|w| CompactFormatter.write_f32(w, v))
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_f64(self, v: f64) -> Result {
        if v.is_finite() {
            self.fmt(|w| CompactFormatter.write_f64(w, v))
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Result {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result {
        self.variant_key(variant);
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
        self.comma();
        v.serialize(&mut *self.json)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result {
        self.comma();
        let out = &mut *self.json.out;
        // A struct's keys are names: written whole when, as always, they
        // need no escape.
        if key.len() <= 64 && !key.bytes().any(|c| ESCAPE[usize::from(c)] != 0)
        {
            out.reserve(key.len() + 3);
            out.push(b'"');
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"\":");
        } else {
            write_str(out, key);
            out.push(b':');
        }
        v.serialize(&mut *self.json)
    }
}

/// The traits of sequences and tuples: elements with commas between.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
                self.element(v)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyOnly { out: self.json.out })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
        self.json.out.push(b':');
        v.serialize(&mut *self.json)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// The traits of structs: `"key":value` fields with commas between.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result {
                self.field(key, v)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// A map key: a string, or a unit variant written as its name.
struct KeyOnly<'a> {
    out: &'a mut Vec<u8>,
}

fn key_error() -> Error {
    Error::custom("a map key must be a string")
}

/// Methods of [`KeyOnly`] for values that cannot be keys.
macro_rules! refuse {
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, _: $t) -> Result {
            Err(key_error())
        }
    )*};
}

impl ser::Serializer for KeyOnly<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result {
        v.serialize(self)
    }
    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64)
    );
    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(key_error())
    }
    fn serialize_none(self) -> Result {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn same<T: Serialize>(v: &T) {
        let mut ours = Vec::new();
        to_vec(&mut ours, v).unwrap();
        let theirs = serde_json::to_vec(v).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        // Every byte value below 0x80 at every offset of an 8-byte word,
        // in a whole word or in the last few bytes (strings of every
        // length mod 8), with non-ASCII text around it.
        for c in 0u8..0x80 {
            for (pad, tail) in
                (0..10).flat_map(|p| (0..8).map(move |t| (p, t)))
            {
                let s = format!(
                    "{}{}é—x{}",
                    "a".repeat(pad),
                    c as char,
                    "b".repeat(tail)
                );
                same(&s);
            }
        }
        same(&"");
        same(&"\"\\\u{7f}\u{1f}\r\n\t\u{8}\u{c}\u{0}");
        same(&"£1.5 million — “quoted” text, 10% more\nNext line");
    }

    #[test]
    fn numbers_and_shapes_are_serde_jsons() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(i32),
            Tup(u8, String),
            Rec { a: Option<f64>, b: bool },
        }
        #[derive(serde::Serialize)]
        struct S {
            f: Vec<f64>,
            i: (i64, u64, i8),
            e: Vec<E>,
            m: BTreeMap<String, Option<u32>>,
            unit: (),
            c: char,
        }
        let mut m = BTreeMap::new();
        m.insert("k\"ey".to_string(), Some(3));
        m.insert("none".to_string(), None);
        same(&S {
            f: vec![
                0.1,
                -2.5e-9,
                1e21,
                3.0,
                f64::NAN,
                f64::INFINITY,
                123456.789,
            ],
            i: (i64::MIN, u64::MAX, -5),
            e: vec![
                E::Unit,
                E::New(-7),
                E::Tup(1, "x".into()),
                E::Rec { a: Some(0.5), b: true },
                E::Rec { a: None, b: false },
            ],
            m,
            unit: (),
            c: '\n',
        });
    }

    #[test]
    fn a_key_that_is_no_string_is_an_error() {
        let mut m = BTreeMap::new();
        m.insert(1, 2);
        assert!(to_vec(&mut Vec::new(), &m).is_err());
    }
}

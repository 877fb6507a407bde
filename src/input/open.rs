//! Opening an input for reading: regular files and standard input, gzip
//! decompressed on the fly within a ratio limit, and the first bytes held
//! back so that the input can be recognised before it is read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::pipeline::Limits;

/// How much of an input is read before deciding how to read the rest.
pub const HEAD: usize = 64 * 1024;

/// A count of the bytes read from an input (before decompression),
/// shared with the reader that counts them.
#[derive(Debug, Default)]
pub struct Counter(AtomicU64);

impl Counter {
    /// Bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// An input opened for reading.
pub struct Opened {
    /// Its first bytes (up to [`HEAD`]), decompressed.
    pub head: Vec<u8>,
    /// The rest of it, decompressed.
    pub rest: Box<dyn Read + Send>,
    /// Bytes read from the file or stdin so far (compressed size).
    pub counter: Arc<Counter>,
}

/// Opens a file named by the user or found by a walk. Directories and
/// special files (FIFOs, sockets, devices) are errors.
pub fn open_file(path: &Path, limits: &Limits) -> Result<Opened> {
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(Error::new(ErrorKind::IsDirectory));
    }
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::NotRegular(file_kind(&meta))));
    }
    let file = File::open(path).map_err(read_error)?;
    open_reader(Box::new(file), limits)
}

/// Opens standard input.
pub fn open_stdin(limits: &Limits) -> Result<Opened> {
    open_reader(Box::new(io::stdin()), limits)
}

/// Opens bytes held in memory as an input.
pub fn open_bytes(bytes: Vec<u8>, limits: &Limits) -> Result<Opened> {
    open_reader(Box::new(io::Cursor::new(bytes)), limits)
}

/// What a file that is not a regular file is.
pub fn file_kind(meta: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO".into();
        }
        if t.is_socket() {
            return "a socket".into();
        }
        if t.is_char_device() {
            return "a character device".into();
        }
        if t.is_block_device() {
            return "a block device".into();
        }
    }
    let _ = meta;
    "not a file or directory".into()
}

/// Our error for an I/O error while reading an input: a gzip ratio
/// overrun keeps its own message.
pub fn read_error(e: io::Error) -> Error {
    if let Some(inner) = e.get_ref() {
        if let Some(bomb) = inner.downcast_ref::<RatioExceeded>() {
            return Error::new(ErrorKind::Decompress(bomb.to_string()));
        }
    }
    if e.kind() == io::ErrorKind::InvalidInput
        || e.kind() == io::ErrorKind::InvalidData
    {
        return Error::new(ErrorKind::Decompress(e.to_string()));
    }
    Error::new(ErrorKind::Io(e))
}

fn open_reader(
    inner: Box<dyn Read + Send>,
    limits: &Limits,
) -> Result<Opened> {
    let counter = Arc::new(Counter::default());
    let counted = Counted { inner, counter: Arc::clone(&counter) };
    let mut raw: Box<dyn Read + Send> = Box::new(counted);
    let mut magic = Vec::with_capacity(2);
    (&mut raw).take(2).read_to_end(&mut magic).map_err(read_error)?;
    let reader: Box<dyn Read + Send> = if magic == [0x1f, 0x8b] {
        let source = io::Cursor::new(magic).chain(raw);
        let gz = flate2::read::MultiGzDecoder::new(
            io::BufReader::with_capacity(256 * 1024, source),
        );
        Box::new(RatioLimit {
            inner: gz,
            counter: Arc::clone(&counter),
            out: 0,
            ratio: limits.max_gzip_ratio,
            allowance: limits.gzip_allowance,
        })
    } else {
        Box::new(io::Cursor::new(magic).chain(raw))
    };
    let mut rest = reader;
    let mut head = Vec::with_capacity(HEAD);
    (&mut rest)
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    Ok(Opened { head, rest, counter })
}

/// Whether an input's first bytes start a JSON value (after white space
/// and a UTF-8 BOM), in an encoding read byte by byte.
pub fn is_json_head(head: &[u8]) -> bool {
    let b = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if memchr::memchr(0, &b[..b.len().min(4096)]).is_some() {
        return false;
    }
    let first = b.iter().find(|c| !c.is_ascii_whitespace());
    matches!(first, Some(b'{' | b'['))
}

/// Whether an input whose first bytes are `head` is JSON Lines: a
/// `.jsonl`/`.ndjson` name, or two non-empty lines that each start a JSON
/// value, the first or second of them complete on its own line.
pub fn looks_like_json_lines(path: &str, head: &[u8]) -> bool {
    let p = path.to_ascii_lowercase();
    let p = p.trim_end_matches(".gz");
    if p.ends_with(".jsonl") || p.ends_with(".ndjson") {
        return true;
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let opens = |l: &[u8]| l.starts_with(b"{") || l.starts_with(b"[");
    if !(opens(first) && opens(second)) {
        return false;
    }
    let complete =
        |l: &[u8]| serde_json::from_slice::<serde::de::IgnoredAny>(l).is_ok();
    complete(first) || complete(second)
}

/// Counts the bytes read through it.
struct Counted {
    inner: Box<dyn Read + Send>,
    counter: Arc<Counter>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A decompressed input that has grown beyond its limit.
#[derive(Debug)]
struct RatioExceeded {
    out: u64,
    read: u64,
}

impl std::fmt::Display for RatioExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "gzip data expands beyond the limit ({} MiB from {} KiB read): \
             a decompression bomb, or a ratio above the limit",
            self.out / (1024 * 1024),
            self.read / 1024
        )
    }
}

impl std::error::Error for RatioExceeded {}

/// Stops a decompressed stream that grows beyond `ratio` times the
/// compressed bytes read, once past `allowance`.
struct RatioLimit<R> {
    inner: R,
    counter: Arc<Counter>,
    out: u64,
    ratio: u64,
    allowance: u64,
}

impl<R: Read> Read for RatioLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.out += n as u64;
        let read = self.counter.get();
        if self.out > self.allowance
            && self.out > read.saturating_mul(self.ratio)
        {
            return Err(io::Error::other(RatioExceeded {
                out: self.out,
                read,
            }));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::best(),
        );
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_is_decompressed_and_head_held() {
        let data = b"{\"a\": 1}\n".repeat(10_000);
        let o = open_reader(
            Box::new(io::Cursor::new(gz(&data))),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(o.head.len(), HEAD);
        let mut all = o.head.clone();
        let mut rest = o.rest;
        rest.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_limit() {
        let zeros = vec![b' '; 8 * 1024 * 1024];
        let limits = Limits {
            gzip_allowance: 1024 * 1024,
            max_gzip_ratio: 50,
            ..Limits::default()
        };
        let o = open_reader(Box::new(io::Cursor::new(gz(&zeros))), &limits)
            .unwrap();
        let mut rest = o.rest;
        let e = io::copy(&mut rest, &mut io::sink()).unwrap_err();
        let msg = read_error(e).to_string();
        assert!(msg.contains("expands beyond the limit"), "{msg}");
    }

    #[test]
    fn json_heads() {
        assert!(is_json_head(b"  \n{\"a\""));
        assert!(is_json_head(b"\xef\xbb\xbf["));
        assert!(!is_json_head(b"<xml>"));
        assert!(!is_json_head(b"{\x00\"\x00"));
        assert!(!is_json_head(b""));
    }
}

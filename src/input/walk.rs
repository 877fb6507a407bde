//! Turning the paths a user gives into inputs, lazily: directories are
//! walked recursively in sorted order as the run goes, never listed whole.
//!
//! - `-` is standard input.
//! - A file met twice (through a symbolic link, or named twice) is read
//!   once.
//! - A FIFO, socket or device met in a walk is skipped with a note; named
//!   on the command line, it is an error (wrans never blocks on one).
//! - A symbolic-link loop is reported once, as an error.
//! - wrans's own temporary output files (`.NAME.wrans-PID.tmp`) are never
//!   read.
//! - Paths need not be UTF-8: they are shown lossily.

use std::collections::HashSet;
use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use crate::error::{Error, ErrorKind};
use crate::input::open::{file_kind, read_error};

/// One input of a run.
#[derive(Debug)]
pub enum InputSpec {
    /// Standard input.
    Stdin,
    /// A regular file.
    File {
        /// The file.
        path: PathBuf,
        /// The path as shown in records and messages.
        shown: String,
    },
    /// Bytes already in memory (tests, benchmarks, embedding programs):
    /// read exactly as a file with these contents would be.
    Bytes {
        /// The name shown in records and messages.
        shown: String,
        /// The contents.
        bytes: Vec<u8>,
    },
    /// Something met in a walk that is not read (a note, not an error).
    Skipped {
        /// The path as shown.
        shown: String,
        /// Why it is skipped.
        why: String,
    },
    /// A path that cannot be read (an error for that input).
    Bad {
        /// The path as shown.
        shown: String,
        /// What went wrong.
        error: Error,
    },
}

/// Whether a file name is one of wrans's temporary output files.
pub fn is_own_temporary(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') && name.ends_with(".tmp") && name.contains(".wrans-")
}

/// The inputs named by `paths`, in order, walked lazily.
pub fn walk(paths: Vec<OsString>) -> impl Iterator<Item = InputSpec> {
    let mut seen = Seen::default();
    paths.into_iter().flat_map(move |p| {
        let items: Box<dyn Iterator<Item = InputSpec>> = if p == "-" {
            Box::new(std::iter::once(InputSpec::Stdin))
        } else {
            let path = PathBuf::from(p);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => Box::new(walk_dir(path, seen.share())),
                Ok(m) if m.is_file() => {
                    let shown = path.display().to_string();
                    if seen.first_time(&m) {
                        Box::new(std::iter::once(InputSpec::File {
                            path,
                            shown,
                        }))
                    } else {
                        Box::new(std::iter::empty())
                    }
                }
                Ok(m) => Box::new(std::iter::once(InputSpec::Bad {
                    shown: path.display().to_string(),
                    error: Error::new(ErrorKind::NotRegular(file_kind(&m))),
                })),
                Err(e) => Box::new(std::iter::once(InputSpec::Bad {
                    shown: path.display().to_string(),
                    error: read_error(e),
                })),
            }
        };
        items
    })
}

fn walk_dir(root: PathBuf, seen: Seen) -> impl Iterator<Item = InputSpec> {
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut seen = seen;
    walker.filter_map(move |entry| match entry {
        Ok(e) => {
            let ft = e.file_type();
            if ft.is_dir() {
                return None;
            }
            if is_own_temporary(e.file_name()) {
                return None;
            }
            let shown = e.path().display().to_string();
            match e.metadata() {
                Ok(m) if m.is_file() => {
                    if !seen.first_time(&m) {
                        return None;
                    }
                    Some(InputSpec::File { path: e.into_path(), shown })
                }
                Ok(m) => Some(InputSpec::Skipped {
                    shown,
                    why: format!("not a regular file ({})", file_kind(&m)),
                }),
                Err(err) => {
                    Some(InputSpec::Bad { shown, error: walk_error(err) })
                }
            }
        }
        Err(err) => {
            let shown = err.path().unwrap_or(&root).display().to_string();
            Some(InputSpec::Bad { shown, error: walk_error(err) })
        }
    })
}

fn walk_error(err: walkdir::Error) -> Error {
    if let Some(ancestor) = err.loop_ancestor() {
        return Error::new(ErrorKind::Io(std::io::Error::other(format!(
            "a symbolic link loop back to {} (not followed)",
            ancestor.display()
        ))));
    }
    match err.into_io_error() {
        Some(e) => read_error(e),
        None => Error::new(ErrorKind::Io(std::io::Error::other(
            "cannot walk the directory",
        ))),
    }
}

/// The files seen so far, by device and inode (a hash of them: 8 bytes a
/// file), so that a file reached twice is read once.
#[derive(Clone, Default)]
struct Seen(std::rc::Rc<std::cell::RefCell<HashSet<u64>>>);

impl Seen {
    fn share(&self) -> Seen {
        self.clone()
    }

    fn first_time(&mut self, meta: &std::fs::Metadata) -> bool {
        match identity(meta) {
            Some(id) => self.0.borrow_mut().insert(id),
            None => true,
        }
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (meta.dev(), meta.ino()).hash(&mut h);
    Some(h.finish())
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised() {
        assert!(is_own_temporary(".out.jsonl.wrans-123.tmp".as_ref()));
        assert!(!is_own_temporary("out.jsonl".as_ref()));
        assert!(!is_own_temporary(".hidden.tmp".as_ref()));
    }
}

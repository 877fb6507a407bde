//! Where the command line writes: standard output, or `-o FILE` written
//! atomically (a temporary file beside it, renamed into place when the
//! run ends), removed again when the run fails or is interrupted.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;

/// The temporary file of the run, removed by the signal handler.
static TEMPORARY: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Standard output, or a temporary file renamed over `-o FILE` when the
/// run finishes, so that a failed run never leaves half a file.
pub struct Output {
    writer: Option<Box<dyn Write>>,
    rename: Option<(PathBuf, PathBuf)>,
    /// Where writes go after `finish` (never: `finish` consumes the
    /// output); it keeps `writer()` free of a panic path.
    sink: io::Sink,
}

impl Output {
    /// Opens the output: `None` is standard output.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output {
                writer: Some(Box::new(io::BufWriter::with_capacity(
                    256 * 1024,
                    io::stdout().lock(),
                ))),
                rename: None,
                sink: io::sink(),
            }),
            // A device or pipe (`-o /dev/null`) is written directly:
            // renaming over it would replace it.
            Some(p) if p.exists() && !p.is_file() => {
                let file =
                    fs::OpenOptions::new().write(true).open(p).with_context(
                        || format!("{}: cannot open", p.display()),
                    )?;
                Ok(Output {
                    writer: Some(Box::new(io::BufWriter::new(file))),
                    rename: None,
                    sink: io::sink(),
                })
            }
            Some(p) => {
                let tmp = temporary_name(p)?;
                install_signal_handler();
                let file = fs::File::create(&tmp).with_context(|| {
                    format!("{}: cannot create", tmp.display())
                })?;
                if let Ok(mut t) = TEMPORARY.lock() {
                    *t = Some(tmp.clone());
                }
                Ok(Output {
                    writer: Some(Box::new(io::BufWriter::with_capacity(
                        256 * 1024,
                        file,
                    ))),
                    rename: Some((tmp, p.to_path_buf())),
                    sink: io::sink(),
                })
            }
        }
    }

    /// The writer, for a sink that writes as it goes.
    pub fn writer(&mut self) -> &mut dyn Write {
        match &mut self.writer {
            Some(w) => &mut **w,
            None => &mut self.sink,
        }
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.write_all(bytes),
            None => Err(io::Error::other("output used after finish")),
        }
    }

    /// Flushes and, for `-o FILE`, renames the temporary file into place.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if let Some(mut w) = self.writer.take() {
            w.flush().context("cannot write the output")?;
        }
        if let Some((tmp, dest)) = self.rename.take() {
            fs::rename(&tmp, &dest).with_context(|| {
                format!("cannot move {} to {}", tmp.display(), dest.display())
            })?;
            if let Ok(mut t) = TEMPORARY.lock() {
                *t = None;
            }
        }
        Ok(())
    }
}

impl Drop for Output {
    /// A run that stops before `finish` removes its temporary file, so no
    /// half-written output is left behind.
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.rename.take() {
            self.writer.take();
            let _ = fs::remove_file(tmp);
            if let Ok(mut t) = TEMPORARY.lock() {
                *t = None;
            }
        }
    }
}

/// `.NAME.wrans-PID.tmp` beside `path`: hidden, and never read by a
/// walk (`wrans::input::is_own_temporary`).
fn temporary_name(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".wrans-{}.tmp", std::process::id()));
    Ok(dir.map_or_else(|| PathBuf::from(&tmp), |d| d.join(&tmp)))
}

/// On SIGINT or SIGTERM, removes the temporary file (the old target is
/// untouched) and exits with 130.
fn install_signal_handler() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(mut t) = TEMPORARY.lock() {
            if let Some(p) = t.take() {
                let _ = fs::remove_file(p);
            }
        }
        std::process::exit(130);
    });
}

//! The progress bar: on stderr when it is a terminal and the run lasts
//! more than a second; never when piped or with `--quiet`.

use std::ffi::OsString;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wrans::pipeline::Progress;

/// A progress bar, or nothing.
pub struct Bar {
    bar: Option<ProgressBar>,
    start: Instant,
    /// Total bytes of the inputs, once a background walk has summed them
    /// (0 until then).
    total: Arc<AtomicU64>,
}

impl Bar {
    /// A bar for a run over `paths`, shown when `show` (stderr is a
    /// terminal and the run is not quiet).
    pub fn new(show: bool, paths: &[OsString]) -> Bar {
        let total = Arc::new(AtomicU64::new(0));
        let bar = show.then(|| {
            let paths = paths.to_vec();
            let t = Arc::clone(&total);
            // Sums the sizes in the background for an ETA; the walk that
            // parses does not wait for it.
            std::thread::spawn(move || {
                let mut sum = 0u64;
                for p in paths {
                    for e in walkdir::WalkDir::new(p).follow_links(true) {
                        if let Ok(m) = e.and_then(|e| e.metadata()) {
                            if m.is_file() {
                                sum += m.len();
                            }
                        }
                    }
                }
                t.store(sum.max(1), Ordering::Relaxed);
            });
            let bar = ProgressBar::with_draw_target(
                None,
                ProgressDrawTarget::stderr_with_hz(4),
            );
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Bar { bar, start: Instant::now(), total }
    }

    /// Shows the counts so far.
    pub fn update(&self, p: Progress) {
        let Some(bar) = &self.bar else { return };
        let elapsed = self.start.elapsed();
        if elapsed < Duration::from_secs(1) {
            return;
        }
        let mb = p.bytes as f64 / 1e6;
        let rate = mb / elapsed.as_secs_f64().max(1e-3);
        let total = self.total.load(Ordering::Relaxed);
        let eta = if total > p.bytes && rate > 0.0 {
            let secs = (total - p.bytes) as f64 / 1e6 / rate;
            format!(", ETA {}s", secs.round() as u64)
        } else {
            String::new()
        };
        bar.set_message(format!(
            "{} inputs, {} records, {mb:.1} MB, {rate:.1} MB/s{eta}",
            p.inputs, p.records
        ));
        bar.tick();
    }

    /// Prints a line above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

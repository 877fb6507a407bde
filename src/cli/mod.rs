//! Parts of the command line that are not argument handling: the output
//! file and the progress bar.

pub mod output;
pub mod progress;

//! Chartroom: draw, compare and present technology-leadership org charts.
//!
//! [`core`] is the pure half (model, presets, analysis, layout, file format)
//! and knows nothing of the GUI; [`ui`] and [`app`] are the thin egui shell
//! that reads the core and turns input into [`core::workspace::Edit`]s;
//! [`cli`] holds the headless commands.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod core;
#[cfg(feature = "gui")]
pub mod ui;

/// This build's version and the commit it was built from (`build.rs`), as
/// `chartroom --version` and Help > About say it.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("CHARTROOM_COMMIT"),
    ")"
);

/// The licence Chartroom is published under (`LICENSE-MIT`, `LICENSE-APACHE`).
pub const LICENCE: &str = "MIT or Apache-2.0, at your choice";

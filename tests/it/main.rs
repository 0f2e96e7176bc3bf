//! Chartroom's integration tests: one crate, a module per area, so the GUI
//! stack is linked once (`autotests = false` in Cargo.toml). A test that runs
//! itself in a child process names its module path (`recovery::child_...`).

mod common;

mod boundary;
mod cli;
mod compare;
mod cycles;
mod desktop;
mod draw;
mod export;
mod format;
mod import;
mod kill_save;
mod layout;
mod present;
mod presets;
mod print;
mod recovery;
mod scale;
mod scenario;
mod scenario_table;

mod shell;
mod slides;
mod snapshots;
mod text_fits;
mod ui;
mod validation;

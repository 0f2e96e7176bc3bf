//! The egui shell: theme, canvas and panels. Reads the core; never edits a
//! chart itself.

pub mod aside;
pub mod canvas;
pub mod compare;
pub mod findings;
pub mod import;
pub mod matrix;
pub mod paint;
pub mod panels;
pub mod picker;
pub mod present;
pub mod scenario;
pub mod scenario_table;
pub mod storyboard;
pub mod theme;

//! The pure half of Chartroom: model, presets, analysis, layout and file
//! format. Nothing here knows about the GUI (a test enforces it).

pub mod analysis;
pub mod captions;
pub mod diff;
pub mod draw;
pub mod export;
pub mod facts;
pub mod fast;
pub mod font;
pub mod forest;
pub mod format;
pub mod headcount;
pub mod icon;
pub mod impact;
pub mod import;
pub mod layout;
pub mod model;
pub mod presets;
pub mod recent;
pub mod recovery;
pub mod safe_write;
pub mod scenario;
pub mod text;
pub mod theme;
pub mod wording;
pub mod workspace;

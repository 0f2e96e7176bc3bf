//! How the board pack is headed and printed, as the document keeps it:
//! the title page's words, the paper, and whether every page stays
//! landscape.

use serde::{Deserialize, Serialize};

/// How the board pack is headed and printed; an empty field takes the
/// default (the usual title; no subtitle, author or date).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackInfo {
    /// The title page's heading.
    pub title: String,
    /// A line under it: the meeting, the question.
    pub subtitle: String,
    /// Who prepared the pack.
    pub author: String,
    /// The date, as written.
    pub date: String,
    /// The paper (landscape; a chart split over pages may be turned).
    pub paper: PageSize,
    /// Every page landscape: no chart turned to portrait.
    pub landscape: bool,
}

/// Paper, landscape. Written in files as "A4", "Letter" or "A3" (read in
/// any case, "US Letter" too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PageSize {
    /// A4, 297 x 210 mm.
    #[default]
    A4,
    /// US Letter, 11 x 8.5 in.
    Letter,
    /// A3, 420 x 297 mm: twice A4, for a big organisation's charts.
    A3,
}

impl PageSize {
    /// Every paper, in the order a menu lists them.
    pub const ALL: [Self; 3] = [Self::A4, Self::Letter, Self::A3];

    /// Width and height in points, landscape.
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (842.0, 595.0),
            Self::Letter => (792.0, 612.0),
            Self::A3 => (1191.0, 842.0),
        }
    }

    /// Its name as a file writes it: "A4", "Letter", "A3".
    pub fn written(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "Letter",
            Self::A3 => "A3",
        }
    }

    /// Its name as a person says it: "A4", "US Letter", "A3".
    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "US Letter",
            Self::A3 => "A3",
        }
    }
}

impl Serialize for PageSize {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.written())
    }
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let wanted = text.trim();
        Self::ALL
            .into_iter()
            .find(|p| {
                p.written().eq_ignore_ascii_case(wanted) || p.label().eq_ignore_ascii_case(wanted)
            })
            .ok_or_else(|| {
                let all: Vec<&str> = Self::ALL.iter().map(|p| p.written()).collect();
                serde::de::Error::custom(format!(
                    "paper \"{text}\" is not one of {}",
                    all.join(", ")
                ))
            })
    }
}

//! Every preset loads and has the leaders, lines and overlaps PRESETS.md says.

use chartroom::core::analysis::overlaps;
use chartroom::core::model::{LeaderId, LineKind};
use chartroom::core::presets::{self, PRESETS};

/// (preset, leader count, [(report, manager)], [(overlap key, grade, holders)])
type Expected = (
    &'static str,
    usize,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str, &'static [&'static str])],
);

const EXPECTED: [Expected; 8] = [
    (
        "peers",
        4,
        &[("cio", "ceo"), ("cto", "ceo"), ("ciso", "cio")],
        // The CISO is responsible, the CIO accountable: intended sharing.
        &[("information security", "shared", &["cio", "ciso"])],
    ),
    (
        "traditional",
        4,
        &[("cio", "ceo"), ("cto", "cio"), ("ciso", "cio")],
        &[],
    ),
    (
        "software-company",
        4,
        &[("cto", "ceo"), ("cio", "cto"), ("ciso", "cto")],
        &[],
    ),
    (
        "enterprise-app-dev",
        8,
        &[
            ("cio", "ceo"),
            ("vp-finance", "cio"),
            ("vp-operations", "cio"),
            ("vp-sales-marketing", "cio"),
            ("vp-hr", "cio"),
            ("cto", "cio"),
            ("ciso", "cio"),
        ],
        &[(
            "application development",
            "shared",
            &[
                "cio",
                "vp-finance",
                "vp-operations",
                "vp-sales-marketing",
                "vp-hr",
            ],
        )],
    ),
    ("manufacturing", 3, &[("cio", "ceo"), ("cto", "ceo")], &[]),
    (
        "cdio",
        6,
        &[
            ("cdio", "ceo"),
            ("vp-digital", "cdio"),
            ("vp-change", "cdio"),
            ("vp-bau-it", "cdio"),
            ("ciso", "cdio"),
        ],
        &[("digital transformation", "shared", &["cdio", "vp-digital"])],
    ),
    (
        "shared-responsibilities",
        5,
        &[
            ("cto", "ceo"),
            ("cio", "ceo"),
            ("vp-engineering", "cto"),
            ("vp-product", "cto"),
        ],
        &[
            ("moving the business forward", "conflict", &["cto", "cio"]),
            ("shared code repositories", "conflict", &["cto", "cio"]),
        ],
    ),
    (
        "elevator-doors",
        3,
        &[("cto", "ceo"), ("cio", "ceo")],
        &[
            ("new technologies", "conflict", &["cto", "cio"]),
            ("proofs of concept", "conflict", &["cto", "cio"]),
            ("technical architecture", "conflict", &["cto", "cio"]),
            ("technical support", "conflict", &["cto", "cio"]),
        ],
    ),
];

#[test]
fn presets_match_the_requirements() {
    assert_eq!(PRESETS.len(), EXPECTED.len());
    for (preset, (id, count, lines, expected_overlaps)) in PRESETS.iter().zip(EXPECTED) {
        assert_eq!(preset.id, id);
        let model = presets::model(id).unwrap();
        let chart = &model.chart;
        assert_eq!(chart.len(), count, "{id}: leader count");
        assert_eq!(
            chart.roots(),
            vec![&LeaderId::new("ceo")],
            "{id}: the CEO is the one root"
        );
        for (report, manager) in lines {
            assert_eq!(
                chart.manager_of(&LeaderId::new(*report)),
                Some(&LeaderId::new(*manager)),
                "{id}: {report} reports to {manager}"
            );
        }
        let found: Vec<(String, &str, Vec<String>)> = overlaps(chart)
            .into_iter()
            .map(|o| {
                let ids = o.holders.iter().map(|(h, _)| h.to_string()).collect();
                (o.key, o.grade.word(), ids)
            })
            .collect();
        let wanted: Vec<(String, &str, Vec<String>)> = expected_overlaps
            .iter()
            .map(|(k, g, h)| {
                (
                    (*k).to_owned(),
                    *g,
                    h.iter().map(|s| (*s).to_owned()).collect(),
                )
            })
            .collect();
        assert_eq!(found, wanted, "{id}: overlaps");
        assert!(!model.title.is_empty() && !model.description.is_empty());
    }
}

#[test]
fn the_cdio_model_has_the_ciso_dotted_line_to_change() {
    let chart = presets::model("cdio").unwrap().chart;
    let dotted = chart.dotted_lines();
    assert_eq!(dotted.len(), 1);
    assert_eq!(dotted[0].manager, LeaderId::new("ciso"));
    assert_eq!(dotted[0].report, LeaderId::new("vp-change"));
    assert_eq!(dotted[0].kind, LineKind::Dotted);
}

#[test]
fn the_preset_workspace_holds_all_eight_in_order() {
    let ws = presets::workspace().unwrap();
    let ids: Vec<&str> = ws.models.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, PRESETS.map(|p| p.id));
}

#[test]
fn preset_inputs_resolve_and_unknown_ones_are_named() {
    let ws = presets::load_input("preset:elevator-doors").unwrap();
    assert_eq!(ws.models.len(), 1);
    let err = presets::load_input("preset:board").unwrap_err().to_string();
    assert!(err.contains("no such preset"), "{err}");
}

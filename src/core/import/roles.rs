//! A leader's role from what HR files say: a badge ("CIO") in a role column,
//! or a job title ("Chief Information Officer", "SVP, Engineering").

use crate::core::model::{Assignment, Raci, Role};

/// The role a badge names ("cio", "CISO"), if it is one of ours.
pub fn role_from_badge(text: &str) -> Option<Role> {
    Role::ALL
        .into_iter()
        .find(|r| r.badge().eq_ignore_ascii_case(text.trim()))
}

/// The role a job title implies; `Other` when it implies none. Assistants
/// and offices of an executive are not the executive.
pub fn role_from_title(title: &str) -> Role {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let says = |phrase: &str| words.join(" ").contains(phrase);
    if has("assistant") || says("chief of staff") || says("office of") || says("to the") {
        return Role::Other;
    }
    if says("chief digital and information") || says("chief digital information") || has("cdio") {
        Role::Cdio
    } else if says("chief information security") || has("ciso") {
        Role::Ciso
    } else if says("chief information officer") || has("cio") {
        Role::Cio
    } else if says("chief technology") || has("cto") {
        Role::Cto
    } else if says("chief data") || says("chief digital") || has("cdo") {
        Role::Cdo
    } else if says("chief executive") || has("ceo") {
        Role::Ceo
    } else if says("vice president") || ["vp", "svp", "evp", "avp"].iter().any(|w| has(w)) {
        Role::Vp
    } else {
        Role::Other
    }
}

/// Responsibilities as written in one cell: separated by `;`, each with an
/// optional letter in brackets at the end (`security (R)`); no letter is
/// accountable. Empty items and repeats are dropped.
pub fn parse_responsibilities(cell: &str) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = Vec::new();
    for item in cell.split(';') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (phrase, raci) = split_letter(item);
        if phrase.is_empty() || out.iter().any(|a| a.phrase.eq_ignore_ascii_case(phrase)) {
            continue;
        }
        out.push(Assignment::new(phrase, raci));
    }
    out
}

/// "security (R)" -> ("security", R); anything else is accountable.
fn split_letter(item: &str) -> (&str, Raci) {
    let Some(open) = item.rfind('(') else {
        return (item, Raci::Accountable);
    };
    let inner = item[open + 1..].trim_end();
    let Some(letter) = inner.strip_suffix(')') else {
        return (item, Raci::Accountable);
    };
    let raci = match letter.trim().to_ascii_uppercase().as_str() {
        "R" => Raci::Responsible,
        "A" => Raci::Accountable,
        "C" => Raci::Consulted,
        "I" => Raci::Informed,
        _ => return (item, Raci::Accountable),
    };
    (item[..open].trim_end(), raci)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_roles() {
        let cases = [
            ("Chief Executive Officer", Role::Ceo),
            ("President & CEO", Role::Ceo),
            ("Chief Information Officer", Role::Cio),
            ("Group CIO", Role::Cio),
            ("Chief Technology Officer", Role::Cto),
            ("CTO, Platforms", Role::Cto),
            ("Chief Information Security Officer", Role::Ciso),
            ("Chief Data Officer", Role::Cdo),
            ("Chief Digital Officer", Role::Cdo),
            ("Chief Digital and Information Officer", Role::Cdio),
            ("Vice President, Infrastructure", Role::Vp),
            ("SVP Engineering", Role::Vp),
            ("VP of Data", Role::Vp),
            ("Software Engineer", Role::Other),
            ("Executive Assistant to the CEO", Role::Other),
            ("Chief of Staff, Office of the CIO", Role::Other),
            ("Director", Role::Other),
            ("", Role::Other),
        ];
        for (title, role) in cases {
            assert_eq!(role_from_title(title), role, "{title}");
        }
    }

    #[test]
    fn badges_are_read_in_any_case() {
        assert_eq!(role_from_badge("ciso"), Some(Role::Ciso));
        assert_eq!(role_from_badge(" Other "), Some(Role::Other));
        assert_eq!(role_from_badge("Engineer"), None);
    }

    #[test]
    fn responsibilities_keep_their_letters() {
        let got = parse_responsibilities("security (R); data platform; ; Cloud (c);security;x (Z)");
        let want = vec![
            Assignment::new("security", Raci::Responsible),
            Assignment::accountable("data platform"),
            Assignment::new("Cloud", Raci::Consulted),
            Assignment::accountable("x (Z)"),
        ];
        assert_eq!(got, want);
    }
}

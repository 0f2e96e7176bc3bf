//! The manual pages and shell completions, made from the same clap
//! definitions as the command line itself (so they cannot drift from it):
//! `chartroom.1`, one `chartroom-COMMAND.1` per command, and completion
//! scripts for bash, zsh and fish. `chartroom-package-files` writes them
//! for the Debian package.

use clap::CommandFactory;
use clap_complete::Shell;
use roff::{Roff, bold, roman};

use super::Cli;

/// The exit codes every command keeps, as the manual says them.
pub const EXIT_CODES: [(u8, &str); 3] = [
    (
        0,
        "Success: the file is valid, the file was written, the list was printed.",
    ),
    (
        1,
        "The input is refused: a file that cannot be read or is not a valid Chartroom \
         file, an HR export nothing could be imported from (or, with --strict, one \
         with any problem), an export that could not be written. The reason is \
         printed on standard error, and no file is left half written.",
    ),
    (
        2,
        "Usage: an unknown command or option, a missing argument, or a value out of \
         range. What is wrong, and what is allowed, is printed on standard error.",
    ),
];

/// A manual page: its file name (`chartroom-check.1`) and its roff text.
pub struct Page {
    /// The file's name in `man1`.
    pub file_name: String,
    /// The page, in roff.
    pub text: String,
}

/// `chartroom.1` and a page for each command.
pub fn pages() -> Vec<Page> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = vec![page(&command, &command)];
    for sub in command.get_subcommands() {
        let named = sub.clone().name(format!("chartroom-{}", sub.get_name()));
        pages.push(page(&named, &command));
    }
    pages
}

/// One page, with the sections `clap_mangen` makes and ours (exit status,
/// files, see also).
fn page(command: &clap::Command, top: &clap::Command) -> Page {
    let man = clap_mangen::Man::new(command.clone())
        .manual("Chartroom Manual")
        .source(format!("Chartroom {}", env!("CARGO_PKG_VERSION")));
    let mut text = Vec::new();
    let rendered = (|| -> std::io::Result<()> {
        man.render_title(&mut text)?;
        man.render_name_section(&mut text)?;
        man.render_synopsis_section(&mut text)?;
        man.render_description_section(&mut text)?;
        man.render_options_section(&mut text)?;
        if command.has_subcommands() {
            man.render_subcommands_section(&mut text)?;
        }
        ours(command, top).to_writer(&mut text)?;
        man.render_version_section(&mut text)
    })();
    rendered.unwrap_or_else(|e| unreachable!("writing to memory cannot fail: {e}"));
    Page {
        file_name: man.get_filename(),
        text: String::from_utf8_lossy(&text).into_owned(),
    }
}

/// EXIT STATUS, FILES (the main page) and SEE ALSO.
fn ours(command: &clap::Command, top: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(meaning)]);
    }
    let is_top = command.get_name() == top.get_name();
    if is_top {
        roff.control("SH", ["FILES"]);
        for (path, meaning) in [
            (
                "*.chartroom",
                "Chartroom documents: JSON with \"format\": \"chartroom\" at the top (files named .json open too).",
            ),
            (
                "~/.local/share/chartroom/recovery/",
                "Autosaves of unsaved work, offered back after a crash; $CHARTROOM_DATA_DIR/recovery when that is set.",
            ),
            (
                "~/.local/share/chartroom/recent.json",
                "The recent files list (and window.json, where the window was).",
            ),
        ] {
            roff.control("TP", []);
            roff.text([bold(path)]);
            roff.text([roman(meaning)]);
        }
    }
    roff.control("SH", ["SEE ALSO"]);
    let mut see: Vec<String> = top
        .get_subcommands()
        .map(|s| format!("chartroom-{}", s.get_name()))
        .collect();
    see.insert(0, "chartroom".to_owned());
    see.retain(|name| *name != command.get_name());
    let last = see.len().saturating_sub(1);
    for (i, name) in see.into_iter().enumerate() {
        let comma = if i == last { "" } else { "," };
        roff.text([bold(name), roman(format!("(1){comma} "))]);
    }
    roff
}

/// The shells completions are made for.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// The completion script for `shell`, and the file name its package
/// directory expects (`chartroom` for bash, `_chartroom` for zsh,
/// `chartroom.fish` for fish).
pub fn completion(shell: Shell) -> (String, String) {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "chartroom", &mut script);
    let file_name = match shell {
        Shell::Zsh => "_chartroom".to_owned(),
        Shell::Fish => "chartroom.fish".to_owned(),
        _ => "chartroom".to_owned(),
    };
    (file_name, String::from_utf8_lossy(&script).into_owned())
}

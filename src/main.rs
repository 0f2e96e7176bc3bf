//! The `chartroom` binary: a headless command, or the app.

use std::process::ExitCode;

use chartroom::cli::{self, Cli};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
    }
    run_app(cli.file)
}

#[cfg(feature = "gui")]
fn run_app(file: Option<std::path::PathBuf>) -> ExitCode {
    match chartroom::app::run_native(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chartroom: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_app(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("chartroom: this build has no window (built without the `gui` feature)");
    ExitCode::FAILURE
}

//! The `chartroom` binary: a headless command, or the app.

use std::process::ExitCode;

use chartroom::cli::{self, Cli};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
    }
    match chartroom::app::run_native(cli.file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chartroom: {e}");
            ExitCode::FAILURE
        }
    }
}

//! `orch`: parse arguments, then hand over to the library.

fn main() -> std::process::ExitCode {
    orch_cli::main()
}

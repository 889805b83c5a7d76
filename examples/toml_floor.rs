//! The memory floor for loading: read a file and parse it into a bare `toml::Table`,
//! nothing else. Compare its peak memory with `brief check` on the same file:
//!
//! ```sh
//! /usr/bin/time -v target/release/examples/toml_floor FILE
//! /usr/bin/time -v target/release/brief check FILE
//! ```

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: toml_floor FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("toml_floor: {path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match toml::from_str::<toml::Table>(&text) {
        Ok(table) => {
            println!("ok: {path}: {} top-level keys", table.len());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("toml_floor: {path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

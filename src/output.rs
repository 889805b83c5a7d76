//! The one path for everything `brief` writes outside its full-screen reader: the
//! output of `check`, `print`, `keys`, `config`, `--help`, the piped briefing, and
//! every error and warning on stderr.
//!
//! A reader that went away (`brief print | head -1`) ends `brief` quietly with exit 0;
//! any other write failure (`> /dev/full`) is reported as `brief: …` with exit 1. No
//! write ever panics.

use std::io::{self, Write};
use std::process::ExitCode;

/// Why a command stopped early.
#[derive(Debug)]
pub enum Fail {
    /// Whoever read our output closed the pipe: nothing more to say.
    Closed,
    /// Writing to stdout or stderr failed for another reason: what and why.
    Write(String),
    /// The command's own error, for `brief: MESSAGE`.
    Error(String),
}

impl From<String> for Fail {
    fn from(message: String) -> Self {
        Self::Error(message)
    }
}

/// Writes `text` to stdout, whole, and flushes it.
pub fn stdout(text: &str) -> Result<(), Fail> {
    write_all(&mut io::stdout().lock(), text, "stdout")
}

/// Writes `text` to stderr, whole.
pub fn stderr(text: &str) -> Result<(), Fail> {
    write_all(&mut io::stderr().lock(), text, "stderr")
}

/// Writes `text` to `w`; a closed pipe is `Fail::Closed`, any other error names
/// `what` it was written to.
pub fn write_all(w: &mut impl Write, text: &str, what: &str) -> Result<(), Fail> {
    match w.write_all(text.as_bytes()).and_then(|()| w.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Fail::Closed),
        Err(e) => Err(Fail::Write(format!(
            "could not write to {what}: {}",
            os(&e)
        ))),
    }
}

/// The OS's reason without its "(os error N)" tail.
fn os(e: &io::Error) -> String {
    let text = e.to_string();
    text.split(" (os error").next().unwrap_or(&text).to_owned()
}

/// The exit code for a command's outcome, with its error (if any) on stderr: a closed
/// pipe is a quiet success; a write failure or an error is `brief: …` and exit 1 (or
/// just exit 1 when stderr cannot take it either).
pub fn exit(result: Result<ExitCode, Fail>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Fail::Closed) => ExitCode::SUCCESS,
        Err(Fail::Write(message) | Fail::Error(message)) => {
            let _ = stderr(&format!("brief: {}\n", message.trim_end()));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Broken(io::ErrorKind);

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_other_failures_are_named() {
        let closed = write_all(&mut Broken(io::ErrorKind::BrokenPipe), "x", "stdout");
        assert!(matches!(closed, Err(Fail::Closed)));
        let full = write_all(&mut Broken(io::ErrorKind::StorageFull), "x", "stdout");
        match full {
            Err(Fail::Write(m)) => assert!(m.starts_with("could not write to stdout: "), "{m}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(exit(Err(Fail::Closed)), ExitCode::SUCCESS);
        assert_eq!(exit(Err(Fail::Error("x".into()))), ExitCode::FAILURE);
    }
}
